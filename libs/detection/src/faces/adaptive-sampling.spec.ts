import { AdaptiveSampler } from './adaptive-sampling';

const still = [0.5, 0.5, 0, 0];
const other = [0, 0, 0.5, 0.5];

describe('adaptive face sampling', () => {
  const run = (
    sampler: AdaptiveSampler,
    n: number,
    faces: (i: number) => number,
    hist = () => still,
  ) =>
    Array.from({ length: n }, (_, i) => {
      const examined = sampler.examine(i, i / 6, hist());
      if (examined) sampler.saw(i / 6, faces(i));
      return examined;
    });

  it('looks for a single face only every third sample', () => {
    const examined = run(new AdaptiveSampler(), 12, () => 1);
    expect(examined.filter(Boolean)).toHaveLength(4);
  });

  it('examines every sample while two faces are in view, and for a while after', () => {
    const examined = run(new AdaptiveSampler(), 36, (i) => (i < 12 ? 2 : 1));
    expect(examined.slice(0, 23).every(Boolean)).toBe(true);
    expect(examined.slice(24).filter(Boolean).length).toBeLessThan(12);
  });

  it('examines a frame at once when the picture changes (a cut)', () => {
    const examined = run(
      new AdaptiveSampler(),
      6,
      () => 1,
      (
        (i = 0) =>
        () =>
          i++ < 4 ? still : other
      )(),
    );
    expect(examined[4]).toBe(true);
  });
});
