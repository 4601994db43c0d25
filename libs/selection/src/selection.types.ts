/** A word as selection sees it: text with times in seconds. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface Sentence {
  words: TimedWord[];
  start: number;
  end: number;
  text: string;
  /** Ended by terminal punctuation (not just by a pause). */
  complete: boolean;
}

export interface Highlight {
  start: number;
  end: number;
  score: number;
  title: string;
  text: string;
  words: TimedWord[];
  /** Score components, kept for debugging and the later highlight issue. */
  features: Record<string, number>;
}

export interface SelectionOptions {
  maxClips: number;
  minDuration: number;
  maxDuration: number;
  /** Media length, to clamp padding. */
  mediaDuration: number;
}
