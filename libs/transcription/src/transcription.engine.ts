import type { AsrProfile } from './asr-profile';
import type { Transcript } from './transcript.types';

export interface TranscribeOptions {
  /** ISO 639-1 code, or 'auto'. */
  language?: string;
  /** Decoding for this request; the deployment's `ASR_PROFILE` when absent. */
  quality?: AsrProfile;
  signal?: AbortSignal;
  /** 0–1 share of the audio done. */
  onProgress?: (fraction: number) => void;
}

/** Port: 16 kHz mono WAV in, timed words out. Adapters run the engine as a child process. */
export abstract class TranscriptionEngine {
  abstract readonly engineName: string;
  abstract readonly modelName: string;
  /** Everything that changes the output for the same audio (model, decoding, VAD, timing). */
  async cacheTag(_quality?: AsrProfile): Promise<string> {
    return `${this.engineName}-${this.modelName}`;
  }
  abstract transcribe(wavPath: string, options?: TranscribeOptions): Promise<Transcript>;
  /** Throws with a clear message when the engine binary or model is not installed. */
  abstract checkReady(): Promise<void>;
  /**
   * What runs, and what is missing but has a fallback (e.g. no VAD model: energy VAD), for the
   * worker to log at start-up. Missing essentials still throw from `checkReady`.
   */
  async describeSetup(): Promise<{ summary: string; degraded: string[] }> {
    return { summary: await this.cacheTag(), degraded: [] };
  }
}

export class TranscriptionError extends Error {
  readonly code = 'ASR_FAILED';
}

export class ModelNotInstalledError extends Error {
  readonly code = 'ASR_MODEL_MISSING';
}
