import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ProcessFailedError, runProcess } from '@app/media';
import {
  EnergyEnvelope,
  nearestOnset,
  levelGainDb,
  readEnergyEnvelope,
  voicedFraction,
} from './audio/energy-envelope';
import { sliceWav } from './audio/slice-wav';
import { alignTranscript } from './alignment/align-transcript';
import { WordAligner } from './alignment/word-aligner';
import { detectSpeechRegions } from './vad/detect-speech-regions';
import { VoiceActivityDetector } from './vad/voice-activity-detector';
import { planChunks } from './audio/speech-regions';
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
import type { Transcript, TranscriptSegment } from './transcript.types';

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
 * Whisper through whisper.cpp's CLI, one cancellable child process per chunk. Only the speech the
 * VAD finds is sent to Whisper, in chunks cut at pauses; chunk transcripts are stitched on one
 * timeline, looping or silent segments are dropped, and words are placed in time by the forced
 * aligner (DTW starts snapped to speech onsets where it cannot).
 */
export class WhisperCppEngine extends TranscriptionEngine {
  readonly engineName = 'whisper.cpp';

  constructor(private readonly options: WhisperCppOptions) {
    super();
  }

  get modelName(): string {
    return this.options.model;
  }

  /** Names the helpers that will actually run, so a fallback's transcript is not cached as theirs. */
  override async cacheTag(): Promise<string> {
    const { aligner, vad } = this.options;
    const timing = aligner && (await aligner.isReady()) ? `align:${aligner.name}` : 'dtw';
    const speech = vad && (await vad.isReady()) ? vad.name : 'energy';
    return `${this.engineName}-${this.options.model}-${timing}-${speech}`;
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

  override async describeSetup(): Promise<{ summary: string; degraded: string[] }> {
    const { vad, aligner } = this.options;
    const degraded: string[] = [];
    if (vad && !(await vad.isReady()))
      degraded.push(`${vad.name} is not installed: energy VAD instead (music is not skipped)`);
    if (aligner && !(await aligner.isReady()))
      degraded.push(`${aligner.name} is not installed: word times from DTW instead`);
    const parts = [
      `${this.engineName} ${this.options.model}`,
      vad && !degraded.length ? vad.name : 'energy VAD',
      aligner ? `forced alignment (${aligner.name}) for English, DTW otherwise` : 'DTW word timing',
    ];
    return { summary: parts.join(', '), degraded };
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    await this.checkReady();
    const workDir = await fs.mkdtemp(path.join(path.dirname(wavPath), '.asr-'));
    try {
      const env = await readEnergyEnvelope(wavPath);
      const durationSec = env.db.length * env.frameSec;
      // A low-gain recording is brought to an ordinary level for the models (VAD and Whisper:
      // both were trained on ordinary levels; Whisper's language detection misfires on whispers).
      const gainDb = levelGainDb(env);
      const speech = await detectSpeechRegions(this.options.vad, wavPath, env, {
        gainDb,
        signal: opts.signal,
        onProgress: (f) => opts.onProgress?.(VAD_SHARE * f),
      });
      const chunks = planChunks(speech.regions, this.options.maxChunkSec ?? 600);
      const total = chunks.reduce((sum, c) => sum + (c.end - c.start), 0) || 1;
      let done = 0;
      let language = !opts.language || opts.language === 'auto' ? 'auto' : opts.language;
      const parts: ChunkTranscript[] = [];
      for (const [i, chunk] of chunks.entries()) {
        const chunkWav = path.join(workDir, `chunk-${i}.wav`);
        await sliceWav(wavPath, chunk, chunkWav, gainDb);
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
      const { segments, wordTiming } = await alignTranscript(this.options.aligner, {
        wavPath,
        segments: refined,
        language: finalLanguage,
        durationSec,
        fallbackMethod: this.useDtw() ? 'dtw' : 'tokens',
        signal: opts.signal,
      });
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
