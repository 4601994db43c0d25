import { trackAt, type FaceTrack } from '../tracks/face-tracks';

/** Who the camera should show from `start` to `end` (track id, or null when no face). */
export interface SpeakerTurn {
  start: number;
  end: number;
  trackId: number | null;
}

export interface ActiveSpeakerOptions {
  /** Seconds before and after each moment in which mouth motion is compared with speech. */
  lookBackSec: number;
  lookAheadSec: number;
  /** Shortest time on one speaker before the camera may switch (interjections do not flip it). */
  minHoldSec: number;
  /**
   * How long a challenger must lead to take the camera; the switch is then dated back to when
   * the lead began (the clip is known in advance), so it lands on the turn change.
   */
  confirmSec: number;
  /** A challenger must beat the current speaker's score by this factor. */
  margin: number;
}

const DEFAULTS: ActiveSpeakerOptions = {
  lookBackSec: 0.4,
  lookAheadSec: 0,
  minHoldSec: 1.5,
  confirmSec: 1.0,
  margin: 1.5,
};

/** Openness change under which a face counts as still (mesh jitter on a frozen face). */
const MOTION_FLOOR = 0.02;

/**
 * Per track, how much its mouth moves around each grid time: the mean change of openness between
 * consecutive samples, relative to the track's own lively moments (people articulate more or
 * less; a frozen face stays near zero because the floor keeps its jitter small).
 */
function mouthMotion(track: FaceTrack, times: number[], half: number): (number | null)[] {
  const pts = track.points.filter((p) => p.mouthOpen !== null);
  const steps = pts.slice(1).map((p, i) => ({
    t: (p.t + pts[i].t) / 2,
    d: Math.abs(p.mouthOpen! - pts[i].mouthOpen!),
  }));
  const sorted = steps.map((s) => s.d).sort((a, b) => a - b);
  const lively = Math.max(MOTION_FLOOR, sorted[Math.floor(sorted.length * 0.9)] ?? 0);
  return times.map((t) => {
    const near = steps.filter((s) => Math.abs(s.t - t) <= half);
    if (!near.length) return null;
    return Math.min(1, near.reduce((sum, s) => sum + s.d, 0) / near.length / lively);
  });
}

/**
 * Speaking evidence of each track at each grid time: its mouth motion while words are spoken,
 * less its motion in silence (a smile or chewing is not talking), over a window reaching a little
 * ahead — the whole clip is known in advance, so the camera moves on the turn, not after it.
 */
export function speakingScores(
  tracks: FaceTrack[],
  times: number[],
  speech: number[],
  options: Partial<ActiveSpeakerOptions> = {},
): number[][] {
  const o = { ...DEFAULTS, ...options };
  const step = times.length > 1 ? times[1] - times[0] : 0.2;
  const back = Math.round(o.lookBackSec / step);
  const ahead = Math.round(o.lookAheadSec / step);
  return tracks.map((track) => {
    const motion = mouthMotion(track, times, 0.25);
    return times.map((_, i) => {
      let talk = 0;
      let talkN = 0;
      let quiet = 0;
      let quietN = 0;
      for (let j = Math.max(0, i - back); j <= Math.min(times.length - 1, i + ahead); j++) {
        const m = motion[j];
        if (m === null) continue;
        if (speech[j]) {
          talk += m;
          talkN++;
        } else {
          quiet += m;
          quietN++;
        }
      }
      if (!talkN) return 0;
      return Math.max(0, talk / talkN - (quietN ? (0.5 * quiet) / quietN : 0));
    });
  });
}

/**
 * The track to show at each grid time, with hysteresis: a visible challenger takes over only
 * after leading by `margin` for `confirmSec` (from when its lead began), and never within
 * `minHoldSec` of the last switch — unless the current face is gone. With no evidence either way the biggest face is shown.
 */
export function chooseSpeakers(
  tracks: FaceTrack[],
  times: number[],
  scores: number[][],
  options: Partial<ActiveSpeakerOptions> = {},
): SpeakerTurn[] {
  const o = { ...DEFAULTS, ...options };
  const step = times.length > 1 ? times[1] - times[0] : 0.2;
  const chosen: (number | null)[] = [];
  let current: number | null = null;
  let since = -Infinity;
  let leadSince: number | null = null;
  for (const [i, t] of times.entries()) {
    const visible = tracks.filter((tr) => trackAt(tr, t));
    const size = (id: number) => trackAt(tracks[id], t)?.size ?? 0;
    const best = visible.reduce<FaceTrack | null>((b, tr) => {
      if (!b) return tr;
      const d = scores[tr.id][i] - scores[b.id][i];
      return d > 1e-6 || (Math.abs(d) <= 1e-6 && size(tr.id) > size(b.id)) ? tr : b;
    }, null);
    if (current === null || !visible.some((tr) => tr.id === current)) {
      current = best?.id ?? null;
      since = t;
      leadSince = null;
    } else if (best && best.id !== current) {
      const leads = scores[best.id][i] > o.margin * scores[current][i] + 1e-3;
      leadSince = leads ? (leadSince ?? t) : null;
      if (
        leadSince !== null &&
        t - leadSince >= o.confirmSec &&
        leadSince - since >= o.minHoldSec
      ) {
        current = best.id;
        since = leadSince;
        for (let j = times.indexOf(leadSince); j < i; j++) chosen[j] = current;
        leadSince = null;
      }
    } else leadSince = null;
    chosen.push(current);
  }
  const turns: SpeakerTurn[] = [];
  for (const [i, t] of times.entries()) {
    const last = turns[turns.length - 1];
    if (last && last.trackId === chosen[i]) last.end = t + step;
    else turns.push({ start: t, end: t + step, trackId: chosen[i] });
  }
  return turns;
}
