import * as fs from 'node:fs/promises';
import { runProcess } from '@app/media';
import type { Decoding } from '../asr-profile';
import type { TranscriptSegment } from '../transcript.types';
import { parseWhisperJson } from '../whisper-json.parser';
import { dtwPreset, resolveModelPath } from '../whisper-models';

export interface WhisperCliOptions {
  binary: string;
  modelsDir: string;
  model: string;
  threads: number;
  /**
   * Language used when auto-detection is unsure (probability < 0.5, typical of clips of a few
   * seconds); null keeps Whisper's guess.
   */
  fallbackLanguage?: string | null;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface ChunkResult {
  language: string;
  segments: TranscriptSegment[];
  /** Whether the word times came from DTW (else from the decoder's timestamp tokens). */
  dtw: boolean;
}

const DETECTED = /auto-detected language:\s*(\w+)\s*\(p\s*=\s*([\d.]+)\)/;
const MIN_DETECTION_PROBABILITY = 0.5;
const PROGRESS = /progress\s*=\s*(\d+)%/;
/** DTW token times lag speech onsets by about 0.1 s (calibrated on the corpus' human timings). */
const DTW_SHIFT_SEC = -0.1;
const DTW_ASSERT = /WHISPER_ASSERT.*filter_width/;

/** One whisper.cpp CLI run per call, as a cancellable child process; results from its JSON. */
export class WhisperCliRunner {
  constructor(private readonly options: WhisperCliOptions) {}

  /** Whether DTW can serve this model (whisper.cpp has alignment-head presets for some). */
  canDtw(): boolean {
    return dtwPreset(this.options.model) !== null;
  }

  /** The arguments for one run; benchmarks time the bare CLI with exactly these. */
  commandFor(wavPath: string, language: string, outPrefix: string, decoding: Decoding): string[] {
    const modelPath = resolveModelPath(this.options.modelsDir, this.options.model);
    const args = [
      ...['-m', modelPath, '-f', wavPath, '-t', String(this.options.threads)],
      ...['-l', language, '-bs', String(decoding.beamSize), '-ojf', '-of', outPrefix, '-pp'],
    ];
    if (decoding.dtw && this.canDtw()) args.push('-dtw', dtwPreset(this.options.model)!, '-nfa');
    else args.push('-fa');
    return args;
  }

  async run(
    wav: string,
    language: string,
    outPrefix: string,
    decoding: Decoding,
    opts: RunOptions = {},
  ): Promise<ChunkResult> {
    let detection: { language: string; p: number } | null = null;
    let lastError = '';
    try {
      // No `-np`: it would also hide the language-detection line. Results come from the JSON file.
      await runProcess(this.options.binary, this.commandFor(wav, language, outPrefix, decoding), {
        signal: opts.signal,
        maxStdoutBytes: 0,
        onStderrLine: (line) => {
          const m = PROGRESS.exec(line);
          if (m) opts.onProgress?.(Number(m[1]) / 100);
          const d = DETECTED.exec(line);
          if (d) detection = { language: d[1], p: Number(d[2]) };
          if (line.startsWith('error:')) lastError = line;
        },
      });
    } catch (err) {
      // whisper.cpp's DTW asserts on inputs with fewer tokens than its median filter is wide
      // (a second of speech): such a span is decoded again with token timestamps.
      if (decoding.dtw && DTW_ASSERT.test((err as Error).message))
        return this.run(wav, language, outPrefix, { ...decoding, dtw: false }, opts);
      throw err;
    }
    const fallback =
      this.options.fallbackLanguage === undefined ? 'en' : this.options.fallbackLanguage;
    const unsure = detection as { language: string; p: number } | null;
    if (
      language === 'auto' &&
      fallback &&
      unsure &&
      unsure.p < MIN_DETECTION_PROBABILITY &&
      unsure.language !== fallback
    )
      return this.run(wav, fallback, outPrefix, decoding, opts);
    // whisper-cli exits 0 when it cannot read the audio; it only says so on stderr.
    const raw = await fs.readFile(`${outPrefix}.json`, 'utf8').catch(() => {
      throw new Error(`whisper-cli wrote no result: ${lastError || 'no error message'}`);
    });
    await fs.rm(`${outPrefix}.json`, { force: true });
    const dtw = decoding.dtw && this.canDtw();
    const parsed = parseWhisperJson(
      raw,
      { engine: 'whisper.cpp', model: this.options.model, durationSec: 0 },
      { useDtw: dtw, dtwShiftSec: DTW_SHIFT_SEC },
    );
    return { language: parsed.language, segments: parsed.segments, dtw };
  }
}
