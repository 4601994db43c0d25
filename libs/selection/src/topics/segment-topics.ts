import { DEFAULT_TILING, textTiling, TilingOptions } from './text-tiling';

/** Inputs longer than this many words (about 20 minutes of speech) are tiled twice. */
const HIERARCHY_FROM_WORDS = 3000;
const COARSE: TilingOptions = { windowWords: 400, minTopicWords: 600, sigmas: 1, minDepth: 0.1 };

/**
 * Topic boundaries (indices of the sentences that open a topic) for a whole transcript. Long
 * inputs are segmented hierarchically: a coarse pass with wide windows finds the big changes
 * (talk to talk), then each part is tiled with the fine window on its own, so that its threshold
 * follows its own similarity level rather than the whole recording's.
 */
export function segmentTopics(
  vectors: ArrayLike<number>[],
  wordCounts: number[],
  fine: TilingOptions = DEFAULT_TILING,
): number[] {
  const total = wordCounts.reduce((a, b) => a + b, 0);
  if (total < HIERARCHY_FROM_WORDS) return textTiling(vectors, wordCounts, fine);
  const major = textTiling(vectors, wordCounts, COARSE);
  const edges = [0, ...major, vectors.length];
  const all: number[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const [from, to] = [edges[k], edges[k + 1]];
    if (k > 0) all.push(from);
    const part = textTiling(vectors.slice(from, to), wordCounts.slice(from, to), fine);
    for (const b of part) all.push(from + b);
  }
  return all;
}

/** Topic index of every sentence, given the sorted boundaries. */
export function topicIndex(count: number, boundaries: number[]): number[] {
  const out: number[] = [];
  let topic = 0;
  for (let i = 0; i < count; i++) {
    while (topic < boundaries.length && boundaries[topic] <= i) topic++;
    out.push(topic);
  }
  return out;
}
