import { detectShots, histogramDistance, shotAt } from './shot-cuts';

/** A 4-bin histogram with all mass in one bin, blurred by `spread` into the next. */
const hist = (bin: number, spread = 0) => {
  const h = [0, 0, 0, 0];
  h[bin] = 1 - spread;
  h[(bin + 1) % 4] += spread;
  return h;
};

describe('shot detection', () => {
  const times = (n: number) => Array.from({ length: n }, (_, i) => i / 5);

  it('measures histogram distance from 0 (same) to 1 (disjoint)', () => {
    expect(histogramDistance(hist(0), hist(0))).toBe(0);
    expect(histogramDistance(hist(0), hist(2))).toBe(1);
  });

  it('finds a hard cut and splits the clip there', () => {
    const h = [hist(0), hist(0), hist(0), hist(2), hist(2), hist(2)];
    expect(detectShots(times(6), h, 1.2)).toEqual([
      { start: 0, end: 0.6 },
      { start: 0.6, end: 1.2 },
    ]);
  });

  it('does not cut on gradual change (a pan, a person moving)', () => {
    const h = Array.from({ length: 10 }, (_, i) => hist(0, i * 0.03));
    expect(detectShots(times(10), h, 2)).toHaveLength(1);
  });

  it('cuts on a moderate change that towers over a still scene', () => {
    const h = [hist(0), hist(0), hist(0), hist(0, 0.3), hist(0, 0.3)];
    expect(detectShots(times(5), h, 1)).toHaveLength(2);
  });

  it('counts a dissolve (cuts a frame apart) as one cut, at its end', () => {
    const h = [hist(0), hist(0), hist(0), hist(2), hist(3), hist(3), hist(3)];
    expect(detectShots(times(7), h, 1.4).map((s) => s.start)).toEqual([0, 0.8]);
  });

  it('finds the shot of a time, the clip end included', () => {
    const shots = [
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ];
    expect(shotAt(shots, 0.5)).toBe(0);
    expect(shotAt(shots, 1)).toBe(1);
    expect(shotAt(shots, 2)).toBe(1);
  });
});
