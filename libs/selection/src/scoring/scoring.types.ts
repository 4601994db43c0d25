import type { AudioProfile, Sentence } from '../selection.types';
import type { LevelStats } from './level-stats';

/** A run of sentences considered as a clip, with what scoring needs to know around it. */
export interface CandidateSpan {
  sentences: Sentence[];
  /** The sentence just before the span, if any (does the clip lean on it?). */
  previous?: Sentence;
  /** Mean pairwise cosine of the span's sentence embeddings. */
  coherence: number;
  /** The span runs across a topic boundary. */
  crossesTopic: boolean;
}

/** What every candidate of one transcript is measured against. */
export interface ScoringContext {
  /** Coherence that maps to 0 and to 1 (the transcript's own spread: 10th/90th percentile). */
  coherenceRange: [number, number];
  audio?: AudioProfile;
  levels?: LevelStats;
  /** Stemmed keywords the user asked for. */
  keywords: string[];
}

/** One feature's verdict: 0–1 and the reason in a line. */
export interface FeatureVerdict {
  value: number;
  reason: string;
}
