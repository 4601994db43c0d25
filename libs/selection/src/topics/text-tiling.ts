import { refineBoundaries } from './refine-boundaries';
import { cosine, PrefixSums } from './vectors';

export interface TilingOptions {
  /** Words pooled on each side of a gap (whole sentences, at least this many words). */
  windowWords: number;
  /** Fewest words a topic may hold. */
  minTopicWords: number;
  /** A boundary needs depth > mean + `sigmas` × σ of all depths… */
  sigmas: number;
  /** …and at least this depth (cosine units), or one subject would always be split somewhere. */
  minDepth: number;
}

export const DEFAULT_TILING: TilingOptions = {
  windowWords: 60,
  minTopicWords: 50,
  sigmas: 1,
  minDepth: 0.1,
};

/**
 * TextTiling (Hearst 1997) over sentence embeddings: for each gap between sentences, the cosine of
 * the pooled windows either side (each sentence's unit vector weighted by its word count, so a
 * window is about `windowWords` of text however the speech is cut into sentences); smoothed; each
 * gap's depth is how far it lies below the highest similarity reached climbing left and right;
 * boundaries where the depth clears mean + σ, deepest first, no topic shorter than
 * `minTopicWords`; each then placed exactly by `refineBoundaries`. Returns the indices of the sentences that open a topic (never 0). Input
 * vectors must be unit length; `wordCounts` has one count per sentence.
 */
export function textTiling(
  vectors: ArrayLike<number>[],
  wordCounts: number[],
  options = DEFAULT_TILING,
): number[] {
  const n = vectors.length;
  const total = wordCounts.reduce((a, b) => a + b, 0);
  if (n < 4 || total < 2 * options.minTopicWords) return [];
  const weighted = vectors.map((v, i) => Array.from(v, (x) => x * wordCounts[i]));
  const sums = new PrefixSums(weighted);
  const before = [0];
  for (const c of wordCounts) before.push(before[before.length - 1] + c);
  const sims: number[] = [];
  let lo = 0;
  let hi = 1;
  for (let g = 1; g < n; g++) {
    while (lo + 1 < g && before[g] - before[lo + 1] >= options.windowWords) lo++;
    if (hi < g + 1) hi = g + 1;
    while (hi < n && before[hi] - before[g] < options.windowWords) hi++;
    sims.push(cosine(sums.pooled(lo, g), sums.pooled(g, hi)));
  }
  const depths = depthScores(smoothed(sims));
  const mean = depths.reduce((a, b) => a + b, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((a, d) => a + (d - mean) ** 2, 0) / depths.length);
  const threshold = Math.max(options.minDepth, mean + options.sigmas * sd);
  const order = depths
    .map((depth, k) => ({ depth, sentence: k + 1 }))
    .filter((d) => d.depth > threshold && d.depth > 0)
    .sort((a, b) => b.depth - a.depth);
  const chosen: number[] = [];
  const words = (a: number, b: number) => Math.abs(before[b] - before[a]);
  for (const { sentence } of order) {
    if (words(0, sentence) < options.minTopicWords || words(sentence, n) < options.minTopicWords)
      continue;
    if (chosen.every((b) => words(b, sentence) >= options.minTopicWords)) chosen.push(sentence);
  }
  chosen.sort((a, b) => a - b);
  return refineBoundaries(sums, before, chosen, options.windowWords, options.minTopicWords);
}

/** Moving average over three gaps: single noisy sentences do not make valleys. */
export function smoothed(values: number[]): number[] {
  return values.map((_, i) => {
    const part = values.slice(Math.max(0, i - 1), i + 2);
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
}

export function depthScores(sims: number[]): number[] {
  return sims.map((s, i) => {
    let left = s;
    for (let k = i - 1; k >= 0 && sims[k] >= left; k--) left = sims[k];
    let right = s;
    for (let k = i + 1; k < sims.length && sims[k] >= right; k++) right = sims[k];
    return left - s + (right - s);
  });
}
