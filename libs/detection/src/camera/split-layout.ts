import { evenFloor, median } from '../numbers';
import type { Shot } from '../shots/shot-cuts';
import type { SpeakerTurn } from '../speaker/active-speaker';
import type { FaceTrack } from '../tracks/face-tracks';

/** A fixed window in source pixels. */
export interface SplitWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A stretch shown as two stacked halves, one face each (left-hand person on top). */
export interface SplitStretch {
  start: number;
  end: number;
  top: SplitWindow;
  bottom: SplitWindow;
  /** When each half's person is the one speaking (the render marks that half). */
  topSpeaks: { start: number; end: number }[];
  bottomSpeaks: { start: number; end: number }[];
}

export interface SplitOptions {
  /** Share of a shot's examined samples in which each of the two faces must be seen. */
  minCoverage: number;
  /** Shortest shot worth a split. */
  minShotSec: number;
  /** Window height in face sizes: room for head and shoulders. */
  faceSizes: number;
  /** Below this many face sizes a half cannot hold a whole head: no split. */
  minFaceSizes: number;
}

const DEFAULTS: SplitOptions = {
  minCoverage: 0.6,
  minShotSec: 3,
  faceSizes: 3.2,
  minFaceSizes: 1.8,
};

/**
 * A half's window around one face: `aspect` (width / height), clamped inside the frame, and no
 * wider than 0.9 of the distance to the other face, so that face stays out of this half.
 */
export function halfWindow(
  track: FaceTrack,
  aspect: number,
  source: { width: number; height: number },
  faceSizes: number,
  otherCx?: number,
): SplitWindow {
  const cx = median(track.points.map((p) => p.cx));
  const cy = median(track.points.map((p) => p.cy));
  const size = median(track.points.map((p) => p.size));
  let height = Math.min(source.height, size * faceSizes);
  let width = height * aspect;
  const widest = Math.min(
    source.width,
    otherCx === undefined ? Infinity : 0.9 * Math.abs(otherCx - cx),
  );
  if (width > widest) {
    width = widest;
    height = width / aspect;
  }
  const [w, h] = [evenFloor(width), evenFloor(height)];
  const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, 0), max));
  return {
    x: clamp(cx - w / 2, source.width - w),
    y: clamp(cy - h * 0.42, source.height - h),
    width: w,
    height: h,
  };
}

/**
 * Shots to show split: two faces seen through most of the shot, and — unless the user asked for
 * `split` outright — both of them speaking in it (an interview, not a speaker and a listener).
 * The halves keep their places (left-hand person on top) so nobody jumps; who speaks is marked.
 */
export function planSplits(
  shots: Shot[],
  tracks: FaceTrack[],
  turns: SpeakerTurn[],
  examinedTimes: number[],
  halfAspect: number,
  source: { width: number; height: number },
  forced: boolean,
  options: Partial<SplitOptions> = {},
): SplitStretch[] {
  const o = { ...DEFAULTS, ...options };
  const out: SplitStretch[] = [];
  shots.forEach((shot, i) => {
    if (shot.end - shot.start < o.minShotSec) return;
    const samples = examinedTimes.filter((t) => t >= shot.start && t < shot.end).length;
    const steady = tracks
      .filter((tr) => tr.shot === i && tr.points.length >= o.minCoverage * samples)
      .sort((a, b) => b.points.length - a.points.length)
      .slice(0, 2);
    if (steady.length < 2) return;
    const speakers = new Set(
      turns.filter((t) => t.end > shot.start && t.start < shot.end).map((t) => t.trackId),
    );
    if (!forced && !steady.every((tr) => speakers.has(tr.id))) return;
    const centre = (tr: FaceTrack) => median(tr.points.map((p) => p.cx));
    const [left, right] = steady.sort((a, b) => centre(a) - centre(b));
    const top = halfWindow(left, halfAspect, source, o.faceSizes, centre(right));
    const bottom = halfWindow(right, halfAspect, source, o.faceSizes, centre(left));
    // Too close together for the output's halves: a half could not hold a whole head.
    const size = (tr: FaceTrack) => median(tr.points.map((p) => p.size));
    if (top.height < o.minFaceSizes * size(left) || bottom.height < o.minFaceSizes * size(right))
      return;
    const speaks = (tr: FaceTrack) =>
      turns
        .filter((t) => t.trackId === tr.id && t.end > shot.start && t.start < shot.end)
        .map((t) => ({ start: Math.max(t.start, shot.start), end: Math.min(t.end, shot.end) }));
    out.push({
      start: shot.start,
      end: shot.end,
      top,
      bottom,
      topSpeaks: speaks(left),
      bottomSpeaks: speaks(right),
    });
  });
  return out;
}
