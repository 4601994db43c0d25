/** A word as selection sees it: text with times in seconds. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
  /** Who said it, where the transcript knows (diarization); a change starts a new sentence. */
  speaker?: string;
}

export interface Sentence {
  words: TimedWord[];
  start: number;
  end: number;
  text: string;
  /** Ended by terminal punctuation (not just by a pause or a length cap). */
  complete: boolean;
}

export type FeatureName = 'hook' | 'standalone' | 'payoff' | 'coherence' | 'delivery' | 'density';

/** One named part of a clip's score: how good it is (0–1), what it adds (points) and why. */
export interface FeatureScore {
  name: FeatureName | 'keywords';
  /** 0–1. */
  value: number;
  weight: number;
  /** Points it adds to the 0–100 score (value × weight, scaled). */
  contribution: number;
  reason: string;
}

export interface Highlight {
  start: number;
  end: number;
  /** 0–100, the sum of the feature contributions. */
  score: number;
  /** A key phrase naming what the clip is about. */
  title: string;
  description: string;
  hashtags: string[];
  /** Index of the topic (0-based, in time order) the clip starts in. */
  topic: number;
  text: string;
  words: TimedWord[];
  features: FeatureScore[];
  /** `auto` = picked by selection; `request` = asked for through the API or CLI. */
  origin?: 'auto' | 'request';
  /** Who ordered the clips: the features (default) or an LLM (`llm:<model>`). */
  rankedBy?: string;
}

/** Loudness of the source over time, for delivery (variation) — optional. */
export interface AudioProfile {
  /** Seconds per value. */
  frameSec: number;
  /** RMS level per frame in dBFS. */
  levelsDb: number[];
}

export interface SelectionOptions {
  maxClips: number;
  minDuration: number;
  maxDuration: number;
  /** Media length, to clamp padding. */
  mediaDuration: number;
  /** Topics the user wants: clips about them are boosted. */
  keywords?: string[];
}
