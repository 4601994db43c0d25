/** How Whisper decodes: the trade between speed and accuracy, per deployment or per request. */
export const ASR_PROFILES = ['fast', 'accurate'] as const;
export type AsrProfile = (typeof ASR_PROFILES)[number];

export interface Decoding {
  /** Beam width; 1 is greedy decoding. */
  beamSize: number;
  /**
   * DTW word times over the alignment heads. They need the attention weights, which flash
   * attention does not expose, so DTW costs flash attention.
   */
  dtw: boolean;
}

/**
 * `accurate`: beam search with DTW word times. `fast`: greedy decoding with flash attention; words
 * are timed by the forced aligner, and chunks in a language it cannot align are decoded again
 * with DTW (see `WhisperCppEngine`).
 */
export const DECODING: Record<AsrProfile, Decoding> = {
  accurate: { beamSize: 5, dtw: true },
  fast: { beamSize: 1, dtw: false },
};
