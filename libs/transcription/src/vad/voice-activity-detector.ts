import type { TimeSpan } from '../audio/speech-regions';

export interface DetectSpeechOptions {
  signal?: AbortSignal;
  /** 0–1 share of the audio scanned. */
  onProgress?: (fraction: number) => void;
  /** Amplify the audio by this many dB before judging it (a quiet recording; see levelGainDb). */
  gainDb?: number;
}

/**
 * Port: where in a 16 kHz mono WAV someone is speaking. Only these stretches are sent to Whisper
 * (silence, music and noise are skipped) and long recordings are chunked in the gaps between them.
 */
export abstract class VoiceActivityDetector {
  /** Recorded with each transcript and in the transcript cache key. */
  abstract readonly name: string;
  /** False when the detector is not installed; the engine then uses its energy fallback. */
  abstract isReady(): Promise<boolean>;
  abstract detect(wavPath: string, options?: DetectSpeechOptions): Promise<TimeSpan[]>;
}
