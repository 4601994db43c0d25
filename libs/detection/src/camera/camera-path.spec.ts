import type { FaceTrack } from '../tracks/face-tracks';
import { placeWindow, planCameraPath, simplifyKeyframes } from './camera-path';

const win = { sourceWidth: 1920, sourceHeight: 1080, width: 606, height: 1080 };
const track = (id: number, at: (t: number) => number, until = 10): FaceTrack => ({
  id,
  shot: 0,
  points: Array.from({ length: Math.round(until / 0.2) + 1 }, (_, i) => ({
    t: i * 0.2,
    cx: at(i * 0.2),
    cy: 400,
    size: 200,
    mouthOpen: 0.05,
  })),
});

describe('camera path', () => {
  it('clamps the window inside the frame on all four sides', () => {
    expect(placeWindow(win, 50, 400, 0.4)).toMatchObject({ x: 0, y: 0 });
    expect(placeWindow(win, 1900, 400, 0.4)).toMatchObject({ x: 1920 - 606 });
    const tall = { sourceWidth: 1080, sourceHeight: 1920, width: 1080, height: 608 };
    expect(placeWindow(tall, 540, 1900, 0.4)).toMatchObject({ y: 1920 - 608 });
    expect(placeWindow(tall, 540, 1000, 0.4).y).toBe(Math.round(1000 - 608 * 0.4));
  });

  it('lowers a big face in the window so the top of the head stays in', () => {
    const tall = { sourceWidth: 1080, sourceHeight: 1920, width: 1080, height: 606 };
    const { y } = placeWindow(tall, 540, 934, 0.4, 417);
    expect(y).toBeLessThanOrEqual(934 - 0.75 * 417);
    expect(934 - y).toBeLessThan(606 * 0.75);
  });

  it('holds a still camera on a subject that barely moves', () => {
    const jitter = track(0, (t) => 1300 + 15 * Math.sin(t * 7));
    const keys = planCameraPath([{ start: 0, end: 10, trackId: 0 }], [jitter], win);
    expect(new Set(keys.map((k) => k.x)).size).toBe(1);
    expect(keys[0].x).toBeCloseTo(1300 - 303, -1);
  });

  it('follows a subject walking across smoothly, without jumps', () => {
    const walker = track(0, (t) => 400 + t * 110);
    const keys = planCameraPath([{ start: 0, end: 10, trackId: 0 }], [walker], win);
    expect(keys.length).toBeGreaterThan(2);
    for (let i = 1; i < keys.length; i++) {
      const speed = Math.abs(keys[i].x - keys[i - 1].x) / (keys[i].t - keys[i - 1].t);
      expect(speed).toBeLessThan(300);
    }
    const face = 400 + 5 * 110;
    const at5 = keys.reduce((a, b) => (Math.abs(b.t - 5) < Math.abs(a.t - 5) ? b : a));
    expect(face).toBeGreaterThan(at5.x);
    expect(face).toBeLessThan(at5.x + 606);
  });

  it('cuts hard between far-apart speakers', () => {
    const left = track(0, () => 400);
    const right = track(1, () => 1500);
    const keys = planCameraPath(
      [
        { start: 0, end: 4, trackId: 0 },
        { start: 4, end: 10, trackId: 1 },
      ],
      [left, right],
      win,
    );
    const cut = keys.findIndex((k) => k.t >= 4);
    expect(keys[cut].t - keys[cut - 1].t).toBeLessThan(0.01);
    expect(keys[cut - 1].x).toBe(400 - 303);
    expect(keys[cut].x).toBe(1500 - 303);
  });

  it('drops keyframes that lie on a straight line', () => {
    const line = [0, 1, 2, 3].map((t) => ({ t, x: t * 10, y: 0, width: 2, height: 2 }));
    expect(simplifyKeyframes(line).map((k) => k.t)).toEqual([0, 3]);
  });
});
