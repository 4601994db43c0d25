import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProcessFailedError, runProcess } from '@app/media';
import { parseWhisperJson } from './whisper-json.parser';
import { resolveModelPath } from './whisper-models';
import {
  ModelNotInstalledError,
  TranscribeOptions,
  TranscriptionEngine,
  TranscriptionError,
} from './transcription.engine';
import type { Transcript } from './transcript.types';

export interface WhisperCppOptions {
  binary: string;
  modelsDir: string;
  model: string;
  threads: number;
}

const PROGRESS = /progress\s*=\s*(\d+)%/;

/** Whisper through whisper.cpp's CLI, run as a cancellable child process. */
export class WhisperCppEngine extends TranscriptionEngine {
  readonly engineName = 'whisper.cpp';

  constructor(private readonly options: WhisperCppOptions) {
    super();
  }

  get modelName(): string {
    return this.options.model;
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
    const modelPath = resolveModelPath(this.options.modelsDir, this.options.model);
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'clipgen-asr-'));
    const outPrefix = path.join(outDir, 'out');
    const language = !opts.language || opts.language === 'auto' ? 'auto' : opts.language;
    try {
      const { durationSec } = await wavDuration(wavPath);
      await runProcess(
        this.options.binary,
        [
          '-m',
          modelPath,
          '-f',
          wavPath,
          '-t',
          String(this.options.threads),
          '-l',
          language,
          '-ojf',
          '-of',
          outPrefix,
          '-pp',
          '-np',
        ],
        {
          signal: opts.signal,
          onStderrLine: (line) => {
            const m = PROGRESS.exec(line);
            if (m) opts.onProgress?.(Math.min(1, Number(m[1]) / 100));
          },
        },
      );
      const raw = await fs.readFile(`${outPrefix}.json`, 'utf8');
      return parseWhisperJson(raw, {
        engine: this.engineName,
        model: this.options.model,
        durationSec,
      });
    } catch (err) {
      if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
      if (err instanceof ModelNotInstalledError) throw err;
      throw new TranscriptionError(`whisper.cpp failed: ${(err as Error).message}`);
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
    }
  }
}

/** Duration of a 16-bit PCM WAV from its size (header is 44 bytes for ffmpeg's output). */
async function wavDuration(wavPath: string): Promise<{ durationSec: number }> {
  const stat = await fs.stat(wavPath);
  return { durationSec: Math.max(0, (stat.size - 44) / (16000 * 2)) };
}
