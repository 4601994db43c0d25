import type { FaceTrack } from '../tracks/face-tracks';
import { halfWindow, planSplits } from './split-layout';

const source = { width: 1920, height: 1080 };
const track = (id: number, cx: number, n = 30, size = 200): FaceTrack => ({
  id,
  shot: 0,
  points: Array.from({ length: n }, (_, i) => ({ t: i / 3, cx, cy: 400, size, mouthOpen: 0.05 })),
});
const samples = Array.from({ length: 30 }, (_, i) => i / 3);
const shot = [{ start: 0, end: 10 }];
const turns = [
  { start: 0, end: 5, trackId: 1 },
  { start: 5, end: 10, trackId: 0 },
];

describe('split layout', () => {
  it('stacks two people who talk in turn, the left-hand one on top', () => {
    const [s] = planSplits(
      shot,
      [track(0, 1500), track(1, 400)],
      turns,
      samples,
      1.125,
      source,
      false,
    );
    expect(s.top.x).toBeLessThan(400);
    expect(s.top.x + s.top.width).toBeGreaterThan(400);
    expect(s.bottom.x).toBeLessThan(1500);
    expect(s.bottom.x + s.bottom.width).toBeGreaterThan(1500);
    expect(s.top.width / s.top.height).toBeCloseTo(1.125, 1);
    expect(s.topSpeaks).toEqual([{ start: 0, end: 5 }]);
    expect(s.bottomSpeaks).toEqual([{ start: 5, end: 10 }]);
    expect(s.top.x + s.top.width).toBeLessThan(1500 - 100);
    expect(s.bottom.x).toBeGreaterThan(400 + 100);
  });

  it('does not split for a listener who never speaks, unless asked to', () => {
    const oneTalks = [{ start: 0, end: 10, trackId: 0 }];
    const tracks = [track(0, 1500), track(1, 400)];
    expect(planSplits(shot, tracks, oneTalks, samples, 1.125, source, false)).toEqual([]);
    expect(planSplits(shot, tracks, oneTalks, samples, 1.125, source, true)).toHaveLength(1);
  });

  it('needs both faces through most of the shot', () => {
    const tracks = [track(0, 1500), track(1, 400, 8)];
    expect(planSplits(shot, tracks, turns, samples, 1.125, source, true)).toEqual([]);
  });

  it('keeps a half window inside the frame for a face at the edge', () => {
    const w = halfWindow(track(0, 1900, 5, 300), 1.125, source, 3.2);
    expect(w.x + w.width).toBeLessThanOrEqual(1920);
    expect(w.y + w.height).toBeLessThanOrEqual(1080);
    expect(w.height).toBeLessThanOrEqual(1080);
  });

  it('does not split people too close together for the halves to hold a head', () => {
    const tracks = [track(0, 1000, 30, 300), track(1, 700, 30, 300)];
    expect(planSplits(shot, tracks, turns, samples, 2, source, true)).toEqual([]);
  });
});
