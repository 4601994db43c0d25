import { CaptionCue, CaptionWord, CueLayout, DEFAULT_CUE_LAYOUT } from './caption.types';

const CLAUSE_END = /[.!?…,;:]["'”’)]*$/;
const MIN_CUE_SEC = 0.3;

/**
 * Groups words into short cues (a few words per line, as short-form captions are read), breaking
 * at clause punctuation, pauses, and the layout's word/char/duration limits.
 */
export function groupCues(
  words: CaptionWord[],
  layout: CueLayout = DEFAULT_CUE_LAYOUT,
): CaptionCue[] {
  const cues: CaptionCue[] = [];
  let current: CaptionWord[] = [];
  const flush = () => {
    if (!current.length) return;
    cues.push({
      start: current[0].start,
      end: current[current.length - 1].end,
      text: current.map((w) => w.text).join(' '),
      words: current,
    });
    current = [];
  };
  for (const word of words) {
    if (!word.text.trim()) continue;
    if (current.length) {
      const last = current[current.length - 1];
      const chars = current.reduce((n, w) => n + w.text.length + 1, 0) + word.text.length;
      if (
        current.length >= layout.maxWords ||
        chars > layout.maxChars ||
        word.end - current[0].start > layout.maxDurationSec ||
        word.start - last.end >= layout.pauseBreakSec ||
        CLAUSE_END.test(last.text)
      ) {
        flush();
      }
    }
    current.push(word);
  }
  flush();
  // Keep each cue readable for a moment, without overlapping the next one.
  return cues.map((cue, i) => {
    const next = cues[i + 1];
    const minEnd = cue.start + MIN_CUE_SEC;
    const end = Math.max(cue.end, next ? Math.min(minEnd, next.start) : minEnd);
    return { ...cue, end };
  });
}

/** Moves words onto a clip's timeline (clip start = 0), dropping words outside it. */
export function wordsForClip<T extends CaptionWord>(
  words: T[],
  clipStart: number,
  clipEnd: number,
): CaptionWord[] {
  return words
    .filter((w) => w.end > clipStart && w.start < clipEnd)
    .map((w) => ({
      text: w.text,
      start: Math.max(0, w.start - clipStart),
      end: Math.min(clipEnd, w.end) - clipStart,
    }));
}
