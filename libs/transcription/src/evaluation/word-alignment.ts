import { editSteps } from './edit-steps';

/** Lower-cases and strips punctuation from one word, for matching words one-to-one. */
export const timingKey = (word: string) =>
  word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[^\p{L}\p{N}']/gu, '');

/**
 * Pairs of indices (ref, hyp) of identical words on a minimum-edit alignment of two word lists,
 * so timings can be compared word for word even when the recogniser got some words wrong.
 */
export function alignWords(ref: string[], hyp: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const step of editSteps(ref, hyp)) {
    if (step === 'match') pairs.push([i, j]);
    if (step !== 'ins') i++;
    if (step !== 'del') j++;
  }
  return pairs;
}

export interface TimedToken {
  text: string;
  start: number;
  end?: number;
  /** A reference word that helps the alignment but carries no time of its own. */
  untimed?: boolean;
}

export interface TimingErrors {
  matched: number;
  referenceWords: number;
  /** Absolute start-time errors in seconds, one per matched word. */
  startErrors: number[];
}

/** Start-time errors of hypothesis words against reference words with human timings. */
export function wordTimingErrors(reference: TimedToken[], hypothesis: TimedToken[]): TimingErrors {
  const ref = reference.map((w) => timingKey(w.text));
  const hyp = hypothesis.map((w) => timingKey(w.text));
  const timed = alignWords(ref, hyp).filter(([r]) => !reference[r].untimed);
  return {
    matched: timed.length,
    referenceWords: reference.filter((w) => !w.untimed).length,
    startErrors: timed.map(([r, h]) => Math.abs(reference[r].start - hypothesis[h].start)),
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
