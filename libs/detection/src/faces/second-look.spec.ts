import type { DetectedFace } from './face.types';
import { boxIou, mergeFaceLists, needsSecondLook } from './second-look';

const face = (x: number, size: number): DetectedFace => ({
  x,
  y: 100,
  width: size,
  height: size,
  score: 0.9,
  mouthOpen: null,
});

describe('second look at small faces', () => {
  it('looks again when nothing or only small faces were found', () => {
    expect(needsSecondLook([], 1080)).toBe(true);
    expect(needsSecondLook([face(0, 80), face(500, 100)], 1080)).toBe(true);
    expect(needsSecondLook([face(0, 80), face(500, 150)], 1080)).toBe(true);
    expect(needsSecondLook([face(0, 80), face(500, 300)], 1080)).toBe(false);
  });

  it('keeps each face once, preferring the closer look', () => {
    const first = [face(0, 80), face(500, 100)];
    const second = [face(2, 78), face(900, 60)];
    expect(mergeFaceLists(first, second)).toEqual([face(2, 78), face(900, 60), face(500, 100)]);
  });

  it('measures overlap as intersection over union', () => {
    expect(boxIou(face(0, 100), face(0, 100))).toBe(1);
    expect(boxIou(face(0, 100), face(50, 100))).toBeCloseTo(1 / 3);
    expect(boxIou(face(0, 100), face(200, 100))).toBe(0);
  });
});
