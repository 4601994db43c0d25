import type { AnalysedFrame, DetectedFace } from '../faces/face.types';
import { shotAt, type Shot } from '../shots/shot-cuts';

/** One face seen in one frame of a track, by its centre and size. */
export interface TrackPoint {
  t: number;
  cx: number;
  cy: number;
  size: number;
  mouthOpen: number | null;
}

/** The same face followed across frames of one shot. */
export interface FaceTrack {
  id: number;
  shot: number;
  points: TrackPoint[];
}

export interface TrackerOptions {
  /** Seconds a track survives without a detection (a turned head, a hand in front). */
  maxGapSec: number;
  /** Largest jump, in face sizes, between a track's predicted centre and a detection. */
  maxJump: number;
  /** Faces smaller than this share of the frame height are ignored (false faces). */
  minFaceShare: number;
}

const DEFAULTS: TrackerOptions = { maxGapSec: 1.2, maxJump: 1.0, minFaceShare: 0.04 };

const toPoint = (t: number, f: DetectedFace): TrackPoint => ({
  t,
  cx: f.x + f.width / 2,
  cy: f.y + f.height / 2,
  size: Math.max(f.width, f.height),
  mouthOpen: f.mouthOpen,
});

/** Where a track's face should be at t: its last centre moved on by its recent velocity. */
function predict(track: FaceTrack, t: number): { cx: number; cy: number } {
  const p = track.points;
  const last = p[p.length - 1];
  if (p.length < 2) return last;
  const prev = p[Math.max(0, p.length - 3)];
  const dt = last.t - prev.t;
  if (dt <= 0) return last;
  const ahead = Math.min(t - last.t, 1);
  return {
    cx: last.cx + ((last.cx - prev.cx) / dt) * ahead,
    cy: last.cy + ((last.cy - prev.cy) / dt) * ahead,
  };
}

/**
 * Links detections frame to frame: each live track takes the nearest unclaimed detection within
 * `maxJump` face sizes of its constant-velocity prediction (closest pairs first, so two faces that
 * cross keep their tracks); a track ends after `maxGapSec` unseen or at a shot cut.
 */
export function buildTracks(
  frames: AnalysedFrame[],
  shots: Shot[],
  frameHeight: number,
  options: Partial<TrackerOptions> = {},
): FaceTrack[] {
  const o = { ...DEFAULTS, ...options };
  const tracks: FaceTrack[] = [];
  let live: FaceTrack[] = [];
  for (const frame of frames) {
    if (!frame.faces) continue;
    const shot = shotAt(shots, frame.t);
    live = live.filter(
      (tr) => tr.shot === shot && frame.t - tr.points[tr.points.length - 1].t <= o.maxGapSec,
    );
    const points = frame.faces
      .filter((f) => Math.max(f.width, f.height) >= o.minFaceShare * frameHeight)
      .map((f) => toPoint(frame.t, f));
    const pairs: { track: FaceTrack; point: TrackPoint; cost: number }[] = [];
    for (const track of live) {
      const guess = predict(track, frame.t);
      const size = track.points[track.points.length - 1].size;
      for (const point of points) {
        const cost = Math.hypot(point.cx - guess.cx, point.cy - guess.cy) / size;
        if (cost <= o.maxJump) pairs.push({ track, point, cost });
      }
    }
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<FaceTrack>();
    const usedPoints = new Set<TrackPoint>();
    for (const { track, point } of pairs) {
      if (usedTracks.has(track) || usedPoints.has(point)) continue;
      usedTracks.add(track);
      usedPoints.add(point);
      track.points.push(point);
    }
    for (const point of points) {
      if (usedPoints.has(point)) continue;
      const track: FaceTrack = { id: tracks.length, shot, points: [point] };
      tracks.push(track);
      live.push(track);
    }
  }
  return tracks;
}

/** Track centre at t, linearly between its points (null outside the track's time span). */
export function trackAt(track: FaceTrack, t: number): TrackPoint | null {
  const p = track.points;
  if (!p.length || t < p[0].t - 0.25 || t > p[p.length - 1].t + 0.25) return null;
  let i = 0;
  while (i + 1 < p.length && p[i + 1].t <= t) i++;
  const a = p[i];
  const b = p[Math.min(i + 1, p.length - 1)];
  if (b.t <= a.t || t <= a.t) return a;
  const k = Math.min(1, (t - a.t) / (b.t - a.t));
  return {
    t,
    cx: a.cx + (b.cx - a.cx) * k,
    cy: a.cy + (b.cy - a.cy) * k,
    size: a.size + (b.size - a.size) * k,
    mouthOpen: a.mouthOpen,
  };
}
