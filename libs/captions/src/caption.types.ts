export interface CaptionWord {
  text: string;
  start: number;
  end: number;
}

/** One caption on screen: a few words, times in seconds relative to the clip. */
export interface CaptionCue {
  start: number;
  end: number;
  text: string;
  words: CaptionWord[];
}

export interface CueLayout {
  maxWords: number;
  maxChars: number;
  maxDurationSec: number;
  /** A silence this long closes the current cue. */
  pauseBreakSec: number;
}

export const DEFAULT_CUE_LAYOUT: CueLayout = {
  maxWords: 4,
  maxChars: 28,
  maxDurationSec: 2.5,
  pauseBreakSec: 0.6,
};
