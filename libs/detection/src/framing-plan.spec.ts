import type { AnalysedFrame } from './faces/face.types';
import { planFramings } from './framing-plan';

const grey = [0.25, 0.25, 0.25, 0.25];
const sky = [0, 0, 0, 1];
const frames = (n: number, at: (t: number) => AnalysedFrame['faces'], hist = () => grey) =>
  Array.from({ length: n }, (_, i) => ({ t: i / 6, faces: at(i / 6), histogram: hist() }));
const faceAt = (cx: number, cy = 400, size = 240) => [
  { x: cx - size / 2, y: cy - size / 2, width: size, height: size, score: 0.9, mouthOpen: 0.04 },
];
const input = (f: AnalysedFrame[], duration: number) => ({
  frames: f,
  fps: 6,
  sourceWidth: 1920,
  sourceHeight: 1080,
  duration,
  layout: 'auto' as const,
  words: [],
});

/** The 9:16 path. */
const tall = (i: ReturnType<typeof input>) => planFramings(i, [9 / 16])[0];

describe('planFramings', () => {
  it('frames a speaker sitting far left, not the centre', () => {
    const plan = tall(
      input(
        frames(60, () => faceAt(300)),
        10,
      ),
    );
    expect(plan.fit).toBeUndefined();
    for (const k of plan.keyframes) {
      expect(300).toBeGreaterThan(k.x);
      expect(300).toBeLessThan(k.x + k.width);
    }
    expect(plan.analysis!.tracks).toHaveLength(1);
  });

  it('shows a faceless shot whole and follows the face before the cut', () => {
    const f = frames(
      60,
      (t) => (t < 5 ? faceAt(1500) : []),
      () => grey,
    ).map((fr) => (fr.t >= 5 ? { ...fr, histogram: sky } : fr));
    const plan = tall(input(f, 10));
    expect(plan.analysis!.shots).toHaveLength(2);
    expect(plan.fit).toEqual([{ start: 5, end: 10 }]);
    expect(plan.keyframes[0].x).toBe(1500 - 303);
  });

  it('keeps one fixed window when there is no face at all', () => {
    const plan = tall(
      input(
        frames(30, () => []),
        5,
      ),
    );
    expect(plan.fit).toEqual([{ start: 0, end: 5 }]);
    expect(plan.keyframes).toHaveLength(1);
  });

  it('works out the picture once and frames each aspect from it', () => {
    const [nine16, square] = planFramings(
      input(
        frames(60, () => faceAt(300)),
        10,
      ),
      [9 / 16, 1],
    );
    expect(nine16.analysis).toBe(square.analysis);
    expect(nine16.keyframes[0].width).toBe(606);
    expect(square.keyframes[0].width).toBe(1080);
    for (const k of [...nine16.keyframes, ...square.keyframes]) {
      expect(300).toBeGreaterThan(k.x);
      expect(300).toBeLessThan(k.x + k.width);
    }
  });
});
