import { median } from '../numbers';
import type { CropKeyframe } from '../crop-path';
import type { SpeakerTurn } from '../speaker/active-speaker';
import { clearOfCutFaces } from './cut-faces';
import { trackAt, type FaceTrack } from '../tracks/face-tracks';

export interface CameraOptions {
  /** Subject motion (share of the window width) under which the camera holds still. */
  stationaryShare: number;
  /** Subject offset from the camera centre (share of window width) it tolerates when tracking. */
  deadZoneShare: number;
  /** Half-width of the moving average that smooths a tracking camera, seconds. */
  smoothSec: number;
  /** A change of subject further than this share of the window width is a hard cut. */
  cutShare: number;
  /** Where the face centre sits from the window top, as a share of its height (headroom). */
  faceLine: number;
  /** Grid step for the path, seconds. */
  step: number;
}

const DEFAULTS: CameraOptions = {
  stationaryShare: 0.12,
  deadZoneShare: 0.08,
  smoothSec: 0.6,
  cutShare: 0.2,
  faceLine: 0.4,
  step: 0.2,
};

export interface Window {
  sourceWidth: number;
  sourceHeight: number;
  width: number;
  height: number;
}

/** A face centre and size (0 when unknown) at time t, in source pixels. */
type Point = { t: number; cx: number; cy: number; size: number };

/**
 * Keeps the window inside the frame on all four sides and puts the face centre on the face line —
 * lower when the face is big for the window, so the top of the head (hair reaches about ¾ of the
 * face box above its centre) stays in the picture.
 */
export function placeWindow(win: Window, cx: number, cy: number, faceLine: number, size = 0) {
  const x = Math.round(Math.min(Math.max(cx - win.width / 2, 0), win.sourceWidth - win.width));
  const headTop = cy - 0.75 * size - 0.04 * win.height;
  const y = Math.round(
    Math.min(
      Math.max(Math.min(cy - win.height * faceLine, headTop), 0),
      win.sourceHeight - win.height,
    ),
  );
  return { x, y, width: win.width, height: win.height };
}

/** Camera centres over one turn: held still when the subject barely moves, else followed. */
export function turnPath(subject: Point[], win: Window, o: CameraOptions): Point[] {
  if (!subject.length) return [];
  const xs = subject.map((p) => p.cx);
  const ys = subject.map((p) => p.cy);
  const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  if (spread <= o.stationaryShare * win.width) {
    const size = median(subject.map((p) => p.size));
    return subject.map((p) => ({ t: p.t, cx: median(xs), cy: median(ys), size }));
  }
  const smoothed = subject.map((p) => {
    const near = subject.filter((q) => Math.abs(q.t - p.t) <= o.smoothSec);
    const avg = (f: (q: Point) => number) => near.reduce((s, q) => s + f(q), 0) / near.length;
    return { t: p.t, cx: avg((q) => q.cx), cy: avg((q) => q.cy), size: avg((q) => q.size) };
  });
  // Dead zone: the camera moves only by what the subject strays beyond it.
  const dead = o.deadZoneShare * win.width;
  let cam = { cx: smoothed[0].cx, cy: smoothed[0].cy };
  return smoothed.map((p) => {
    const follow = (c: number, v: number) =>
      v - c > dead ? v - dead : c - v > dead ? v + dead : c;
    cam = { cx: follow(cam.cx, p.cx), cy: follow(cam.cy, p.cy) };
    return { t: p.t, ...cam, size: p.size };
  });
}

/** Drops keyframes a straight line through their neighbours already gives (within 1 px). */
export function simplifyKeyframes(keys: CropKeyframe[]): CropKeyframe[] {
  if (keys.length <= 2) return keys;
  const out = [keys[0]];
  for (let i = 1; i < keys.length - 1; i++) {
    const a = out[out.length - 1];
    const b = keys[i + 1];
    const k = (keys[i].t - a.t) / (b.t - a.t || 1);
    const x = a.x + (b.x - a.x) * k;
    const y = a.y + (b.y - a.y) * k;
    if (Math.abs(x - keys[i].x) > 1 || Math.abs(y - keys[i].y) > 1) out.push(keys[i]);
  }
  out.push(keys[keys.length - 1]);
  return out;
}

/** Other faces in view during a turn, at their typical place (so the camera does not twitch). */
function neighbours(
  tracks: FaceTrack[],
  subject: FaceTrack | null,
  from: number,
  to: number,
  step: number,
) {
  if (!subject) return [];
  return tracks.flatMap((tr) => {
    if (tr === subject) return [];
    const seen = [];
    for (let t = from; t < to; t += step) {
      const p = trackAt(tr, t);
      if (p) seen.push(p);
    }
    if (seen.length < 0.5 * Math.max(1, (to - from) / step)) return [];
    return [{ cx: median(seen.map((p) => p.cx)), size: median(seen.map((p) => p.size)) }];
  });
}

/**
 * The crop window's path over the clip: per speaker turn a still or following camera on that
 * face, never cutting a neighbour's face in half; between turns a hard cut when the new subject
 * is far, an ease when near; no face keeps the last position (the caller shows such stretches
 * whole, as `fit`).
 */
export function planCameraPath(
  turns: SpeakerTurn[],
  tracks: FaceTrack[],
  win: Window,
  options: Partial<CameraOptions> = {},
): CropKeyframe[] {
  const o = { ...DEFAULTS, ...options };
  const keys: CropKeyframe[] = [];
  let last: Omit<Point, 't'> = { cx: win.sourceWidth / 2, cy: win.sourceHeight / 2, size: 0 };
  for (const turn of turns) {
    const track = turn.trackId === null ? null : tracks[turn.trackId];
    const subject: Point[] = [];
    for (let t = turn.start; t < turn.end - 1e-6; t += o.step) {
      const p = track ? trackAt(track, t) : null;
      subject.push(p ? { t, cx: p.cx, cy: p.cy, size: p.size } : { t, ...last });
    }
    const path = turnPath(subject, win, o);
    if (!path.length) continue;
    const jump = Math.abs(path[0].cx - last.cx) > o.cutShare * win.width;
    if (keys.length && jump) {
      // A hard cut: the old position until just before the turn, the new one from it.
      keys.push({ ...keys[keys.length - 1], t: Math.max(turn.start - 0.001, 0) });
    }
    const others = neighbours(tracks, track, turn.start, turn.end, o.step);
    for (const p of path) {
      const w = placeWindow(win, p.cx, p.cy, o.faceLine, p.size);
      const subjectSpan = { cx: p.cx, size: p.size };
      keys.push({
        t: p.t,
        ...w,
        x: clearOfCutFaces(w.x, w.width, win.sourceWidth, subjectSpan, others),
      });
    }
    last = path[path.length - 1];
  }
  const end = turns.length ? turns[turns.length - 1].end : 0;
  keys.push({ t: end, ...placeWindow(win, last.cx, last.cy, o.faceLine, last.size) });
  return simplifyKeyframes(keys);
}
