import type { AnalysedFrame, DetectedFace } from '../faces/face.types';
import { buildTracks, trackAt } from './face-tracks';

const face = (cx: number, cy = 300, size = 100): DetectedFace => ({
  x: cx - size / 2,
  y: cy - size / 2,
  width: size,
  height: size,
  score: 0.9,
  mouthOpen: 0.05,
});
const frame = (t: number, faces: DetectedFace[]): AnalysedFrame => ({ t, faces, histogram: [] });
const oneShot = [{ start: 0, end: 100 }];

describe('face tracking', () => {
  it('follows a moving face as one track', () => {
    const frames = Array.from({ length: 20 }, (_, i) => frame(i / 5, [face(200 + i * 20)]));
    const tracks = buildTracks(frames, oneShot, 1080);
    expect(tracks).toHaveLength(1);
    expect(tracks[0].points).toHaveLength(20);
  });

  it('survives a short miss but not a long one', () => {
    const seen = (t: number) => frame(t, [face(500)]);
    const short = [seen(0), seen(0.2), frame(0.4, []), frame(0.6, []), seen(0.8)];
    expect(buildTracks(short, oneShot, 1080)).toHaveLength(1);
    const long = [seen(0), seen(0.2), frame(1, []), frame(2, []), seen(2.5)];
    expect(buildTracks(long, oneShot, 1080)).toHaveLength(2);
  });

  it('keeps two crossing faces on their own tracks by their motion', () => {
    const frames = Array.from({ length: 11 }, (_, i) =>
      frame(i / 5, [face(300 + i * 40, 300), face(700 - i * 40, 330)]),
    );
    const tracks = buildTracks(frames, oneShot, 1080);
    expect(tracks).toHaveLength(2);
    const a = tracks.find((tr) => tr.points[0].cx === 300)!;
    expect(a.points.map((p) => p.cx)).toEqual(frames.map((_, i) => 300 + i * 40));
  });

  it('ends tracks at a shot cut', () => {
    const frames = [0, 0.2, 0.4, 0.6].map((t) => frame(t, [face(500)]));
    const shots = [
      { start: 0, end: 0.4 },
      { start: 0.4, end: 1 },
    ];
    expect(buildTracks(frames, shots, 1080).map((tr) => tr.shot)).toEqual([0, 1]);
  });

  it('ignores faces too small to be a person in view', () => {
    expect(buildTracks([frame(0, [face(500, 300, 20)])], oneShot, 1080)).toHaveLength(0);
  });

  it('interpolates a track between its points', () => {
    const [track] = buildTracks([frame(0, [face(100)]), frame(1, [face(200)])], oneShot, 1080);
    expect(trackAt(track, 0.5)!.cx).toBeCloseTo(150);
    expect(trackAt(track, 5)).toBeNull();
  });
});
