import { dot } from '../topics/vectors';

export interface RankedCandidate {
  start: number;
  end: number;
  /** 0–100. */
  score: number;
  topic: number;
  /** Unit pooled embedding of the clip. */
  vector: ArrayLike<number>;
}

export interface DiversityOptions {
  maxClips: number;
  /** Relevance against novelty in maximal marginal relevance (1 = score only). */
  lambda: number;
  /** Taken off (in score/100 units) per clip already chosen from the same topic. */
  topicPenalty: number;
}

export const DEFAULT_DIVERSITY = { lambda: 0.7, topicPenalty: 0.12 };

/**
 * Maximal marginal relevance with a per-topic penalty: each pick is the candidate with the best
 * score after subtracting its likeness to the clips already chosen and a penalty for a topic that
 * already has a clip. Clips never overlap. Returned best score first.
 */
export function pickDiverse<T extends RankedCandidate>(
  candidates: T[],
  options: DiversityOptions,
): T[] {
  const chosen: T[] = [];
  const perTopic = new Map<number, number>();
  while (chosen.length < options.maxClips) {
    let best: T | undefined;
    let bestValue = -Infinity;
    for (const c of candidates) {
      if (!chosen.every((o) => c.end <= o.start || c.start >= o.end)) continue;
      const likeness = chosen.reduce((m, o) => Math.max(m, dot(c.vector, o.vector)), 0);
      const value =
        options.lambda * (c.score / 100) -
        (1 - options.lambda) * likeness -
        options.topicPenalty * (perTopic.get(c.topic) ?? 0);
      if (value > bestValue) [best, bestValue] = [c, value];
    }
    if (!best) break;
    chosen.push(best);
    perTopic.set(best.topic, (perTopic.get(best.topic) ?? 0) + 1);
  }
  return chosen.sort((a, b) => b.score - a.score || a.start - b.start);
}
