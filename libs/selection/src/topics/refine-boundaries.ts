import { dot, PrefixSums } from './vectors';

/**
 * Moves each boundary, within `radiusWords` of where TextTiling put it, to the split that makes
 * the two topics either side most self-similar: the sum over both of |Σ wᵢuᵢ|² / Σ wᵢ (the
 * spherical k-means objective, by prefix sums). TextTiling finds *that* the subject changes from
 * windows a few dozen words wide; this finds *where*, to the sentence. Two passes, so neighbours
 * settle together; no topic is left under `minWords`.
 */
export function refineBoundaries(
  sums: PrefixSums,
  before: number[],
  boundaries: number[],
  radiusWords: number,
  minWords: number,
): number[] {
  const n = before.length - 1;
  const out = [...boundaries];
  const cohesion = (a: number, b: number) => {
    const p = sums.pooled(a, b);
    return dot(p, p) / Math.max(1, before[b] - before[a]);
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < out.length; k++) {
      const from = k > 0 ? out[k - 1] : 0;
      const to = k + 1 < out.length ? out[k + 1] : n;
      let best = out[k];
      let bestValue = -Infinity;
      for (let p = from + 1; p < to; p++) {
        if (Math.abs(before[p] - before[out[k]]) > radiusWords) continue;
        if (before[p] - before[from] < minWords || before[to] - before[p] < minWords) continue;
        const value = cohesion(from, p) + cohesion(p, to);
        if (value > bestValue) [best, bestValue] = [p, value];
      }
      out[k] = best;
    }
  }
  return out;
}
