import { depthScores, smoothed, textTiling } from './text-tiling';
import { PrefixSums, unit } from './vectors';

/** A unit vector mostly along axis `topic`, with a little deterministic noise. */
function sentence(topic: number, k: number, dims = 8): Float64Array {
  const v = Array.from({ length: dims }, (_, i) =>
    i === topic ? 1 : 0.15 * Math.sin(7 * k + 3 * i),
  );
  return unit(v);
}

describe('textTiling', () => {
  it('finds the joins between three runs of sentences on different subjects', () => {
    const vectors = [
      ...Array.from({ length: 12 }, (_, k) => sentence(0, k)),
      ...Array.from({ length: 10 }, (_, k) => sentence(1, k + 20)),
      ...Array.from({ length: 14 }, (_, k) => sentence(2, k + 40)),
    ];
    const boundaries = textTiling(vectors, Array(vectors.length).fill(10), {
      windowWords: 40,
      minTopicWords: 30,
      sigmas: 1,
      minDepth: 0.1,
    });
    expect(boundaries).toEqual([12, 22]);
  });

  it('finds nothing in one subject, and nothing in input shorter than two topics', () => {
    const same = Array.from({ length: 30 }, (_, k) => sentence(0, k));
    expect(textTiling(same, Array(30).fill(10))).toEqual([]);
    expect(textTiling(same.slice(0, 3), [10, 10, 10])).toEqual([]);
  });

  it('keeps topics at least minTopicWords long', () => {
    const vectors = [
      ...Array.from({ length: 12 }, (_, k) => sentence(0, k)),
      sentence(1, 99),
      ...Array.from({ length: 12 }, (_, k) => sentence(0, k + 50)),
    ];
    const boundaries = textTiling(vectors, Array(vectors.length).fill(10), {
      windowWords: 30,
      minTopicWords: 30,
      sigmas: 1,
      minDepth: 0.1,
    });
    for (let i = 1; i < boundaries.length; i++)
      expect((boundaries[i] - boundaries[i - 1]) * 10).toBeGreaterThanOrEqual(30);
  });
});

describe('depth scores', () => {
  it('measure a valley from the highest points climbing left and right', () => {
    expect(depthScores([0.9, 0.5, 0.8])[1]).toBeCloseTo(0.7);
    expect(depthScores([0.9, 0.5, 0.8])[0]).toBe(0);
    expect(depthScores([0.9, 0.7, 0.5, 0.6, 0.8])[2]).toBeCloseTo(0.4 + 0.3);
  });

  it('smoothing averages each gap with its neighbours', () => {
    expect(smoothed([0, 3, 0])).toEqual([1.5, 1, 1.5]);
  });
});

describe('PrefixSums', () => {
  it('gives the mean pairwise cosine of any run', () => {
    const a = unit([1, 0]);
    const b = unit([0, 1]);
    const sums = new PrefixSums([a, a, b]);
    expect(sums.coherence(0, 2)).toBeCloseTo(1);
    expect(sums.coherence(1, 3)).toBeCloseTo(0);
    expect(sums.coherence(0, 3)).toBeCloseTo(1 / 3);
  });
});
