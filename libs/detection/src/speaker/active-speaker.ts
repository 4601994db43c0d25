import { trackAt, type FaceTrack } from '../tracks/face-tracks';

/** Who the camera should show from `start` to `end` (track id, or null when no face). */
export interface SpeakerTurn {
  start: number;
  end: number;
  trackId: number | null;
}

export interface ActiveSpeakerOptions {
  /** Half-width of the window in which mouth motion is compared with speech. */
  windowSec: number;
  /** Shortest time on one speaker before the camera may switch (interjections do not flip it). */
  minHoldSec: number;
  /** How long a challenger must lead before the switch. */
  confirmSec: number;
  /** A challenger must beat the current speaker's score by this factor. */
  margin: number;
}

const DEFAULTS: ActiveSpeakerOptions = {
  windowSec: 0.6,
  minHoldSec: 1.5,
  confirmSec: 0.2,
  margin: 1.5,
};

/** Per track, how much its mouth moves around each grid time (std of openness in the window). */
function mouthMotion(track: FaceTrack, times: number[], half: number): (number | null)[] {
  return times.map((t) => {
    const seen = track.points.filter((p) => Math.abs(p.t - t) <= half && p.mouthOpen !== null);
    if (seen.length < 2) return null;
    const values = seen.map((p) => p.mouthOpen!);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  });
}

/**
 * Speaking evidence of each track at each grid time: its mouth motion while words are spoken,
 * less its motion in silence (a smile or chewing is not talking), over a centred window — the
 * whole clip is known in advance, so the camera can move on the turn rather than after it.
 */
export function speakingScores(
  tracks: FaceTrack[],
  times: number[],
  speech: number[],
  options: Partial<ActiveSpeakerOptions> = {},
): number[][] {
  const o = { ...DEFAULTS, ...options };
  const step = times.length > 1 ? times[1] - times[0] : 0.2;
  const span = Math.max(1, Math.round(o.windowSec / step));
  return tracks.map((track) => {
    const motion = mouthMotion(track, times, step * 1.5);
    return times.map((_, i) => {
      let talk = 0;
      let talkN = 0;
      let quiet = 0;
      let quietN = 0;
      for (let j = Math.max(0, i - span); j <= Math.min(times.length - 1, i + span); j++) {
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
 * after leading by `margin` for `confirmSec`, and not within `minHoldSec` of the last switch —
 * unless the current face is gone. With no evidence either way the biggest face is shown.
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
      if (leadSince !== null && t - leadSince >= o.confirmSec && t - since >= o.minHoldSec) {
        current = best.id;
        since = t;
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
