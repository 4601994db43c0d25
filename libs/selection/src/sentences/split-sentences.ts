import type { Sentence, TimedWord } from '../selection.types';
import { OPEN_ENDINGS } from '../text/cues';
import { normalizeToken } from '../text/tokens';

const TERMINAL = /[.!?…]["'”’)\]]*$/;
/** A pause this long ends a sentence even without punctuation (run-on speech, no punctuation). */
const PAUSE_BREAK_SEC = 1.2;
/** In sparsely punctuated text a shorter pause before a capitalised word also ends one. */
const CUE_PAUSE_SEC = 0.5;
/** Below one full stop per this many words the transcript counts as sparsely punctuated. */
const SPARSE_WORDS_PER_STOP = 40;

/**
 * Sentences from timed words. Terminal punctuation ends one; so does a change of speaker (where the
 * transcript knows speakers) and a long pause. When the transcript has few full stops (some
 * engines and languages punctuate little), a shorter pause before a capitalised word ends one too.
 * `complete` says the sentence finished its thought: punctuation, a finished turn, or a pause after
 * a run that does not end on a connective or article.
 */
export function splitSentences(words: TimedWord[]): Sentence[] {
  const stops = words.filter((w) => TERMINAL.test(w.text)).length;
  const sparse = stops * SPARSE_WORDS_PER_STOP < words.length;
  const sentences: Sentence[] = [];
  let current: TimedWord[] = [];
  const flush = (complete: boolean) => {
    if (current.length) sentences.push(sentenceOf(current, complete));
    current = [];
  };
  words.forEach((word, i) => {
    current.push(word);
    const next = words[i + 1];
    if (TERMINAL.test(word.text)) return flush(true);
    if (!next) return;
    const gap = next.start - word.end;
    const openEnded = OPEN_ENDINGS.has(normalizeToken(word.text));
    if (next.speaker !== undefined && next.speaker !== word.speaker) flush(!openEnded);
    else if (gap >= PAUSE_BREAK_SEC) flush(sparse && !openEnded);
    else if (sparse && gap >= CUE_PAUSE_SEC && startsSentence(next.text) && !openEnded) flush(true);
  });
  flush(false);
  return sentences;
}

export function sentenceOf(words: TimedWord[], complete: boolean): Sentence {
  return {
    words,
    start: words[0].start,
    end: words[words.length - 1].end,
    text: words.map((w) => w.text).join(' '),
    complete,
  };
}

/** Capitalised and not the pronoun "I" (which is capitalised mid-sentence too). */
const startsSentence = (text: string) => /^["'“]?\p{Lu}/u.test(text) && !/^I('|$|\b)/.test(text);

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
  return [
    ...splitLong(sentenceOf(s.words.slice(0, cut), false), maxSec),
    ...splitLong(sentenceOf(s.words.slice(cut), s.complete), maxSec),
  ];
}
