import type { FaceTrack } from '../tracks/face-tracks';
import { chooseSpeakers, speakingScores } from './active-speaker';
import { speechActivity, timeGrid } from './speech-activity';

const STEP = 0.2;
/** A track seen all along whose mouth moves (opens and closes) while `talking(t)`. */
const track = (id: number, cx: number, talking: (t: number) => boolean, until = 20): FaceTrack => ({
  id,
  shot: 0,
  points: timeGrid(0, until, STEP).map((t, i) => ({
    t,
    cx,
    cy: 300,
    size: 200,
    mouthOpen: talking(t) ? (i % 2 ? 0.2 : 0.03) : 0.02,
  })),
});

/** Words every 0.3 s all along (someone always talks). */
const words = timeGrid(0, 20, 0.3).map((t) => ({ start: t, end: t + 0.25 }));

describe('active speaker', () => {
  const times = timeGrid(0, 20, STEP);
  const speech = speechActivity(words, times);

  it('marks speech where words are said, bridging small pauses', () => {
    expect(speechActivity([{ start: 1, end: 1.5 }], [0.5, 1.2, 1.6, 2])).toEqual([0, 1, 1, 0]);
  });

  it('follows turns between two people and switches close to each turn change', () => {
    const left = track(0, 400, (t) => t < 6 || t >= 13);
    const right = track(1, 1400, (t) => t >= 6 && t < 13);
    const turns = chooseSpeakers(
      [left, right],
      times,
      speakingScores([left, right], times, speech),
    );
    expect(turns.map((t) => t.trackId)).toEqual([0, 1, 0]);
    expect(Math.abs(turns[1].start - 6)).toBeLessThanOrEqual(0.7);
    expect(Math.abs(turns[2].start - 13)).toBeLessThanOrEqual(0.7);
  });

  it('holds the camera through a short interjection', () => {
    const left = track(0, 400, (t) => t < 5 || t >= 5.6);
    const right = track(1, 1400, (t) => t >= 5 && t < 5.6);
    const turns = chooseSpeakers(
      [left, right],
      times,
      speakingScores([left, right], times, speech),
    );
    expect(turns.map((t) => t.trackId)).toEqual([0]);
  });

  it('never switches more often than the minimum hold', () => {
    const left = track(0, 400, (t) => Math.floor(t / 0.8) % 2 === 0);
    const right = track(1, 1400, (t) => Math.floor(t / 0.8) % 2 === 1);
    const turns = chooseSpeakers(
      [left, right],
      times,
      speakingScores([left, right], times, speech),
    );
    for (let i = 1; i < turns.length - 1; i++)
      expect(turns[i].end - turns[i].start).toBeGreaterThanOrEqual(1.5 - 1e-9);
  });

  it('shows the biggest face when nobody talks, and nobody when no face is seen', () => {
    const small = { ...track(0, 400, () => false), points: [] as FaceTrack['points'] };
    small.points = track(0, 400, () => false).points.map((p) => ({ ...p, size: 80 }));
    const big = track(1, 1400, () => false);
    const silent = times.map(() => 0);
    const turns = chooseSpeakers([small, big], times, speakingScores([small, big], times, silent));
    expect(turns.map((t) => t.trackId)).toEqual([1]);
    expect(chooseSpeakers([], times, []).map((t) => t.trackId)).toEqual([null]);
  });
});
