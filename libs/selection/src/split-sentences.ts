import type { Sentence, TimedWord } from './selection.types';

const TERMINAL = /[.!?…]["'”’)\]]*$/;
/** A pause this long ends a sentence even without punctuation (run-on speech, no punctuation). */
const PAUSE_BREAK_SEC = 1.2;

export function splitSentences(words: TimedWord[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: TimedWord[] = [];
  const flush = (complete: boolean) => {
    if (!current.length) return;
    sentences.push({
      words: current,
      start: current[0].start,
      end: current[current.length - 1].end,
      text: current.map((w) => w.text).join(' '),
      complete,
    });
    current = [];
  };
  words.forEach((word, i) => {
    current.push(word);
    const next = words[i + 1];
    if (TERMINAL.test(word.text)) flush(true);
    else if (next && next.start - word.end >= PAUSE_BREAK_SEC) flush(false);
  });
  flush(false);
  return sentences;
}

/**
 * Splits any sentence longer than `maxSec` at its longest internal pause, recursively, so that
 * unpunctuated speech (lyrics, run-ons) can still fit a clip. Pieces are marked incomplete.
 */
export function capSentenceLength(sentences: Sentence[], maxSec: number): Sentence[] {
  return sentences.flatMap((s) => splitLong(s, maxSec));
}

function splitLong(s: Sentence, maxSec: number): Sentence[] {
  if (s.end - s.start <= maxSec || s.words.length < 2) return [s];
  let cut = 1;
  let widest = -Infinity;
  for (let i = 1; i < s.words.length; i++) {
    const gap = s.words[i].start - s.words[i - 1].end;
    if (gap > widest) [widest, cut] = [gap, i];
  }
  const piece = (words: TimedWord[], complete: boolean): Sentence => ({
    words,
    start: words[0].start,
    end: words[words.length - 1].end,
    text: words.map((w) => w.text).join(' '),
    complete,
  });
  return [
    ...splitLong(piece(s.words.slice(0, cut), false), maxSec),
    ...splitLong(piece(s.words.slice(cut), s.complete), maxSec),
  ];
}
