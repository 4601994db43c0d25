import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProcessFailedError, runProcess } from '@app/media';
import {
  EnergyEnvelope,
  nearestOnset,
  readEnergyEnvelope,
  voicedFraction,
} from './audio/energy-envelope';
import { sliceWav } from './audio/slice-wav';
import { applyAlignment, planAlignmentWindows } from './alignment/alignment-windows';
import { WordAligner } from './alignment/word-aligner';
import { VoiceActivityDetector } from './vad/voice-activity-detector';
import { planChunks, speechRegions, TimeSpan } from './audio/speech-regions';
import { dropHallucinations } from './hallucination-filter';
import { ChunkTranscript, stitchChunks } from './stitch-chunks';
import { parseWhisperJson, WordTimingOptions } from './whisper-json.parser';
import { dtwPreset, resolveModelPath } from './whisper-models';
import {
  ModelNotInstalledError,
  TranscribeOptions,
  TranscriptionEngine,
  TranscriptionError,
} from './transcription.engine';
import type { Transcript, TranscriptSegment, WordTimingReport } from './transcript.types';

export interface WhisperCppOptions {
  binary: string;
  modelsDir: string;
  model: string;
  threads: number;
  /** Beam width; 1 is greedy decoding (fastest). */
  beamSize?: number;
  /** Longest stretch of audio given to one whisper.cpp run; chunks are cut in pauses. */
  maxChunkSec?: number;
  /** Word starts from DTW over the alignment heads (whisper.cpp `-dtw`), then snapped to onsets. */
  wordTiming?: 'dtw' | 'tokens';
  /**
   * Language used when auto-detection is unsure (probability < 0.5, typical of clips of a few
   * seconds); null keeps Whisper's guess.
   */
  fallbackLanguage?: string | null;
  /**
   * Forced alignment of the recognised words (where it has a model for the language); DTW
   * timings are kept for words it cannot place.
   */
  aligner?: WordAligner | null;
  /** Finds the speech to send to Whisper; the energy envelope is the fallback. */
  vad?: VoiceActivityDetector | null;
}

const DETECTED = /auto-detected language:\s*(\w+)\s*\(p\s*=\s*([\d.]+)\)/;
const MIN_DETECTION_PROBABILITY = 0.5;

const PROGRESS = /progress\s*=\s*(\d+)%/;
/** DTW token times lag speech onsets by about 0.1 s (calibrated on the corpus' human timings). */
const DTW_SHIFT_SEC = -0.1;
/** Shares of the transcribe stage's progress: speech detection, then recognition, then alignment. */
const VAD_SHARE = 0.03;
const RECOGNITION_SHARE = 0.95;

/**
 * Whisper through whisper.cpp's CLI, one cancellable child process per chunk. Long recordings are
 * cut at pauses found by an energy VAD (silence is never sent to Whisper), chunk transcripts are
 * stitched on one timeline, word starts come from DTW and are snapped to speech onsets, and
 * looping or silent segments are dropped.
 */
export class WhisperCppEngine extends TranscriptionEngine {
  readonly engineName = 'whisper.cpp';

  constructor(private readonly options: WhisperCppOptions) {
    super();
  }

  get modelName(): string {
    return this.options.model;
  }

  override get cacheTag(): string {
    const timing = this.options.aligner ? `align:${this.options.aligner.name}` : 'dtw';
    const vad = this.options.vad ? this.options.vad.name : 'energy';
    return `${this.engineName}-${this.options.model}-${timing}-${vad}`;
  }

  async checkReady(): Promise<void> {
    try {
      await fs.access(this.options.binary, fs.constants.X_OK);
    } catch {
      throw new ModelNotInstalledError(
        `whisper.cpp binary not found at ${this.options.binary}: run \`npm run setup\``,
      );
    }
    resolveModelPath(this.options.modelsDir, this.options.model);
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    await this.checkReady();
    const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'clipgen-asr-'));
    try {
      const env = await readEnergyEnvelope(wavPath);
      const durationSec = env.db.length * env.frameSec;
      const speech = await this.detectSpeech(wavPath, env, opts);
      const chunks = planChunks(speech.regions, this.options.maxChunkSec ?? 600);
      const total = chunks.reduce((sum, c) => sum + (c.end - c.start), 0) || 1;
      let done = 0;
      let language = !opts.language || opts.language === 'auto' ? 'auto' : opts.language;
      const parts: ChunkTranscript[] = [];
      for (const [i, chunk] of chunks.entries()) {
        const chunkWav = path.join(workDir, `chunk-${i}.wav`);
        await sliceWav(wavPath, chunk, chunkWav);
        const part = await this.runChunk(
          chunkWav,
          language,
          path.join(workDir, `chunk-${i}`),
          opts,
          (f) =>
            opts.onProgress?.(
              VAD_SHARE +
                (RECOGNITION_SHARE - VAD_SHARE) *
                  Math.min(1, (done + f * (chunk.end - chunk.start)) / total),
            ),
        );
        // Keep the language the first chunk settled on, so captions do not switch mid-video.
        if (language === 'auto' && part.language !== 'unknown') language = part.language;
        parts.push({
          offset: chunk.start,
          durationSec: chunk.end - chunk.start,
          segments: part.segments,
        });
        done += chunk.end - chunk.start;
        await fs.rm(chunkWav, { force: true });
      }
      opts.onProgress?.(RECOGNITION_SHARE);
      const finalLanguage = language === 'auto' ? 'unknown' : language;
      const refined = this.refine(stitchChunks(parts), env);
      const { segments, wordTiming } = await this.forceAlign(
        wavPath,
        refined,
        finalLanguage,
        durationSec,
        opts.signal,
      );
      opts.onProgress?.(1);
      return {
        engine: this.engineName,
        model: this.options.model,
        language: finalLanguage,
        durationSec,
        speechDetection: speech.method,
        wordTiming,
        segments,
      };
    } catch (err) {
      if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
      if (err instanceof ModelNotInstalledError) throw err;
      throw new TranscriptionError(`whisper.cpp failed: ${(err as Error).message}`);
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }

  /** The arguments for one run; exported through `commandFor` so benchmarks can time the bare CLI. */
  commandFor(wavPath: string, language: string, outPrefix: string): string[] {
    const modelPath = resolveModelPath(this.options.modelsDir, this.options.model);
    const args = [
      '-m',
      modelPath,
      '-f',
      wavPath,
      '-t',
      String(this.options.threads),
      '-l',
      language,
      '-bs',
      String(this.options.beamSize ?? 5),
      '-ojf',
      '-of',
      outPrefix,
      '-pp',
    ];
    // DTW needs the attention weights, which flash attention does not expose.
    if (this.useDtw()) args.push('-dtw', dtwPreset(this.options.model)!, '-nfa');
    return args;
  }

  private useDtw(): boolean {
    return (this.options.wordTiming ?? 'dtw') === 'dtw' && dtwPreset(this.options.model) !== null;
  }

  private async runChunk(
    wav: string,
    language: string,
    outPrefix: string,
    opts: TranscribeOptions,
    onProgress: (f: number) => void,
  ): Promise<Transcript> {
    let detection: { language: string; p: number } | null = null;
    // No `-np`: it would also hide the language-detection line. Results come from the JSON file.
    await runProcess(this.options.binary, this.commandFor(wav, language, outPrefix), {
      signal: opts.signal,
      maxStdoutBytes: 0,
      onStderrLine: (line) => {
        const m = PROGRESS.exec(line);
        if (m) onProgress(Number(m[1]) / 100);
        const d = DETECTED.exec(line);
        if (d) detection = { language: d[1], p: Number(d[2]) };
      },
    });
    const fallback =
      this.options.fallbackLanguage === undefined ? 'en' : this.options.fallbackLanguage;
    const unsure = detection as { language: string; p: number } | null;
    if (
      language === 'auto' &&
      fallback &&
      unsure &&
      unsure.p < MIN_DETECTION_PROBABILITY &&
      unsure.language !== fallback
    ) {
      return this.runChunk(wav, fallback, outPrefix, opts, onProgress);
    }
    const raw = await fs.readFile(`${outPrefix}.json`, 'utf8');
    await fs.rm(`${outPrefix}.json`, { force: true });
    const timing: WordTimingOptions = { useDtw: this.useDtw(), dtwShiftSec: DTW_SHIFT_SEC };
    return parseWhisperJson(
      raw,
      { engine: this.engineName, model: this.options.model, durationSec: 0 },
      timing,
    );
  }

  /**
   * Speech regions from the VAD model when it is installed, else from the energy envelope (which
   * cannot tell speech from music, but never misses loud speech).
   */
  private async detectSpeech(
    wavPath: string,
    env: EnergyEnvelope,
    opts: TranscribeOptions,
  ): Promise<{ regions: TimeSpan[]; method: string }> {
    const vad = this.options.vad;
    if (vad && (await vad.isReady())) {
      try {
        const regions = await vad.detect(wavPath, {
          signal: opts.signal,
          onProgress: (f) => opts.onProgress?.(VAD_SHARE * f),
        });
        return { regions, method: vad.name };
      } catch (err) {
        if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
        return {
          regions: speechRegions(env),
          method: `energy (${vad.name} failed: ${(err as Error).message})`,
        };
      }
    }
    return { regions: speechRegions(env), method: 'energy' };
  }

  /**
   * Places the recognised words in time with the forced aligner, in windows of up to 30 s. A
   * window that fails (overlapping voices, a misheard phrase) is retried segment by segment, so it
   * costs only its own segment the aligned times; words still unplaced keep their DTW times.
   */
  private async forceAlign(
    wavPath: string,
    segments: TranscriptSegment[],
    language: string,
    durationSec: number,
    signal?: AbortSignal,
  ): Promise<{ segments: TranscriptSegment[]; wordTiming: WordTimingReport }> {
    const total = segments.reduce((n, s) => n + s.words.length, 0);
    const dtw: WordTimingReport = {
      method: this.useDtw() ? 'dtw' : 'tokens',
      alignedWords: 0,
      words: total,
    };
    const aligner = this.options.aligner;
    if (!aligner || !total || !aligner.supports(language) || !(await aligner.isReady()))
      return { segments, wordTiming: dtw };
    try {
      const grouped = planAlignmentWindows(segments, { durationSec });
      const results = await aligner.align(wavPath, grouped, { signal });
      const failed = grouped.filter((_, i) => !results[i]);
      const singles = planAlignmentWindows(segments, { durationSec, maxWindowSec: 0 }).filter((s) =>
        failed.some((f) => s.first >= f.first && s.last <= f.last),
      );
      const retried = singles.length ? await aligner.align(wavPath, singles, { signal }) : [];
      const applied = applyAlignment(
        segments,
        [...grouped.filter((_, i) => results[i]), ...singles],
        [...results.filter((r) => r), ...retried],
      );
      return {
        segments: applied.segments,
        wordTiming: {
          method: `forced-alignment:${aligner.name}`,
          alignedWords: applied.alignedWords,
          words: total,
        },
      };
    } catch (err) {
      if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
      // The words are right either way; only their timing falls back to DTW.
      return {
        segments,
        wordTiming: { ...dtw, note: `alignment failed: ${(err as Error).message}` },
      };
    }
  }

  /** Snaps word starts to speech onsets, then drops looping or silent segments. */
  private refine(segments: TranscriptSegment[], env: EnergyEnvelope): TranscriptSegment[] {
    const snapped = segments.map((seg) => {
      const words = seg.words.map((w) => {
        const onset = nearestOnset(env, w.start);
        return onset === null ? w : { ...w, start: onset, end: Math.max(w.end, onset + 0.05) };
      });
      return { ...seg, start: Math.min(seg.start, words[0].start), words };
    });
    return dropHallucinations(snapped, { voicedFraction: (a, b) => voicedFraction(env, a, b) });
  }
}
