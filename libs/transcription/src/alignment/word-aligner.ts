/** A stretch of audio and the words Whisper heard in it, to be placed in time. */
export interface AlignmentWindow {
  start: number;
  end: number;
  words: string[];
}

/** Start and end (seconds, absolute) of one word, or null where the word has nothing to align. */
export type AlignedWord = { start: number; end: number } | null;

/** Per window: one entry per word, or null where the window could not be aligned. */
export type WindowAlignment = AlignedWord[] | null;

export interface AlignOptions {
  signal?: AbortSignal;
}

/**
 * Port: given audio and the words already recognised, find when each word was spoken (forced
 * alignment). The transcription engine keeps its own word times wherever this returns null.
 */
export abstract class WordAligner {
  /** Recorded with each transcript and in the transcript cache key. */
  abstract readonly name: string;
  /** Whether the aligner has an acoustic model for this ISO 639-1 language. */
  abstract supports(language: string): boolean;
  /** False (with the reason logged by the caller) when the aligner is not installed. */
  abstract isReady(): Promise<boolean>;
  abstract align(
    wavPath: string,
    windows: AlignmentWindow[],
    options?: AlignOptions,
  ): Promise<WindowAlignment[]>;
}
