import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { MEDIA_BINARIES, MediaBinaries, probeMedia } from '@app/media';
import { normalizeForWer, TranscriptionEngine, wordErrorRate } from '@app/transcription';
import { transcribeFile } from '../commands/transcribe-file';
import { TranscribeModule } from '../transcribe.module';

interface FileResult {
  path: string;
  durationSec: number;
  wallSec: number;
  rtf: number;
  wer: number;
  errors: number;
  referenceWords: number;
  hypothesis: string;
}

/** `npm run bench:asr`: transcribes every file in references.tsv, prints per-file and overall WER. */
export async function benchAsrCommand(opts: { corpus: string; out: string }): Promise<void> {
  const corpus = path.resolve(opts.corpus);
  const refFile = path.join(corpus, 'references.tsv');
  if (!fs.existsSync(refFile)) throw new Error(`no corpus at ${corpus} (references.tsv missing)`);
  const rows = fs
    .readFileSync(refFile, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const app = await NestFactory.createApplicationContext(TranscribeModule, { logger: ['error'] });
  const engine = app.get(TranscriptionEngine);
  const binaries = app.get<MediaBinaries>(MEDIA_BINARIES);
  const results: FileResult[] = [];
  try {
    for (const [rel, reference] of rows) {
      const file = path.join(corpus, rel);
      const durationSec = (await probeMedia(binaries.ffprobe, file)).durationSec;
      const started = process.hrtime.bigint();
      const transcript = await transcribeFile(engine, binaries, file, { language: 'auto' });
      const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
      const hypothesis = transcript.segments.map((s) => s.text).join(' ');
      const score = wordErrorRate(normalizeForWer(reference), normalizeForWer(hypothesis));
      results.push({
        path: rel,
        durationSec,
        wallSec,
        rtf: wallSec / durationSec,
        wer: score.wer,
        errors: score.errors,
        referenceWords: score.referenceWords,
        hypothesis,
      });
      console.error(
        `${rel.padEnd(36)} WER ${(score.wer * 100).toFixed(1).padStart(5)}%  RTF ${(wallSec / durationSec).toFixed(2)}`,
      );
    }
  } finally {
    await app.close();
  }
  const errors = results.reduce((a, r) => a + r.errors, 0);
  const words = results.reduce((a, r) => a + r.referenceWords, 0);
  const audio = results.reduce((a, r) => a + r.durationSec, 0);
  const wall = results.reduce((a, r) => a + r.wallSec, 0);
  const report = {
    engine: engine.engineName,
    model: engine.modelName,
    files: results.length,
    overallWer: words ? errors / words : 0,
    referenceWords: words,
    audioSec: audio,
    wallSec: wall,
    realTimeFactor: wall / audio,
    results,
  };
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  fs.writeFileSync(path.resolve(opts.out), JSON.stringify(report, null, 2));
  console.log(
    JSON.stringify({
      model: report.model,
      overallWer: Number(report.overallWer.toFixed(4)),
      files: report.files,
      realTimeFactor: Number(report.realTimeFactor.toFixed(3)),
      report: opts.out,
    }),
  );
}
