import { laplacianVariance } from './sharpness';
import { pickThumbnail } from './pick-thumbnail';

describe('laplacianVariance', () => {
  it('is higher for crisp edges than for a smooth ramp', () => {
    const [w, h] = [32, 32];
    const edges = new Uint8Array(w * h).map((_, i) =>
      (((i % w) >> 2) + ((i / w) >> 2)) % 2 ? 255 : 0,
    );
    const ramp = new Uint8Array(w * h).map((_, i) => (i % w) * 8);
    expect(laplacianVariance(edges, w, h)).toBeGreaterThan(
      100 * (laplacianVariance(ramp, w, h) + 1),
    );
  });
});

describe('pickThumbnail', () => {
  const face = (eyesOpen: number) => ({ heightShare: 0.3, eyesOpen });

  it('prefers an open-eyed face over a sharper frame with eyes shut or no face', () => {
    const t = pickThumbnail(
      [
        { t: 1, sharpness: 900, face: face(0.05) },
        { t: 2, sharpness: 500, face: face(0.28) },
        { t: 3, sharpness: 950 },
      ],
      5,
    );
    expect(t).toBe(2);
  });

  it('takes the sharpest frame when no face is seen, never the very start', () => {
    expect(
      pickThumbnail(
        [
          { t: 0, sharpness: 999 },
          { t: 1, sharpness: 10 },
          { t: 2, sharpness: 50 },
        ],
        4,
      ),
    ).toBe(2);
  });
});
