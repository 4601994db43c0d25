import type { Sentence } from '../selection.types';
import { isContentWord, tokensOf } from '../text/tokens';
import { hookOf, standaloneOf } from './opening-features';
import { payoffOf } from './payoff-feature';
import type { FeatureVerdict } from './scoring.types';

/*
 * A transcript's candidates share their sentences: thousands of runs open on the same sentence and
 * close on the same one. What depends on one sentence is worked out once per sentence object.
 */
const hooks = new WeakMap<Sentence, FeatureVerdict>();
const payoffs = new WeakMap<Sentence, FeatureVerdict>();
const openings = new WeakMap<Sentence, { previous?: Sentence; verdict: FeatureVerdict }>();
const contentCounts = new WeakMap<Sentence, number>();
const pauses = new WeakMap<Sentence, number>();

/** Pauses longer than a breath between words: dead air. */
export const DEAD_AIR_FROM_SEC = 0.4;

export function hookOnce(first: Sentence): FeatureVerdict {
  let v = hooks.get(first);
  if (!v) hooks.set(first, (v = hookOf(first)));
  return v;
}

export function payoffOnce(last: Sentence): FeatureVerdict {
  let v = payoffs.get(last);
  if (!v) payoffs.set(last, (v = payoffOf(last)));
  return v;
}

/** Keyed by the opening sentence and checked against its neighbour (a split changes it). */
export function standaloneOnce(first: Sentence, previous?: Sentence): FeatureVerdict {
  const known = openings.get(first);
  if (known && known.previous === previous) return known.verdict;
  const verdict = standaloneOf(first, previous);
  openings.set(first, { previous, verdict });
  return verdict;
}

export function contentWordsOf(s: Sentence): number {
  let n = contentCounts.get(s);
  if (n === undefined) contentCounts.set(s, (n = tokensOf(s.text).filter(isContentWord).length));
  return n;
}

/** Dead air inside one sentence (between its words). */
export function deadAirInside(s: Sentence): number {
  let silence = pauses.get(s);
  if (silence === undefined) {
    silence = 0;
    for (let i = 1; i < s.words.length; i++)
      silence += Math.max(0, s.words[i].start - s.words[i - 1].end - DEAD_AIR_FROM_SEC);
    pauses.set(s, silence);
  }
  return silence;
}

/** Dead air of a run of sentences: inside each and between them. */
export function deadAirOf(sentences: Sentence[]): number {
  let silence = 0;
  sentences.forEach((s, i) => {
    silence += deadAirInside(s);
    if (i > 0) silence += Math.max(0, s.start - sentences[i - 1].end - DEAD_AIR_FROM_SEC);
  });
  return silence;
}
