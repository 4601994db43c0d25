/** A stretch of continuous camera work, in seconds from the clip start. */
export interface Shot {
  start: number;
  end: number;
}

export interface ShotCutOptions {
  /** Histogram distance (0–1) above which a change is a cut whatever came before. */
  hardThreshold: number;
  /** A smaller distance is a cut when it towers over the recent frame-to-frame changes. */
  softThreshold: number;
  relativeFactor: number;
  /** Frames of recent history for the relative test. */
  history: number;
  /** Cuts closer together than this count as one. */
  minShotSec: number;
}

const DEFAULTS: ShotCutOptions = {
  hardThreshold: 0.5,
  softThreshold: 0.25,
  relativeFactor: 4,
  history: 6,
  minShotSec: 0.5,
};

/** Half the L1 distance between normalised histograms: 0 identical, 1 disjoint. */
export function histogramDistance(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - (b[i] ?? 0));
  return sum / 2;
}

/**
 * Hard cuts from frame-to-frame histogram change (as AutoFlip does): a change is a cut when it
 * is large, or moderate and far above the motion of the frames before it — so a pan or a person
 * moving does not count while a change of camera does.
 */
export function detectShots(
  times: number[],
  histograms: number[][],
  duration: number,
  options: Partial<ShotCutOptions> = {},
): Shot[] {
  const o = { ...DEFAULTS, ...options };
  const cuts: number[] = [];
  const recent: number[] = [];
  for (let i = 1; i < histograms.length; i++) {
    const d = histogramDistance(histograms[i - 1], histograms[i]);
    const typical = recent.length ? recent.reduce((s, v) => s + v, 0) / recent.length : 0;
    const relative = d >= o.softThreshold && d > o.relativeFactor * Math.max(typical, 0.02);
    if (d >= o.hardThreshold || relative) cuts.push(times[i]);
    else {
      recent.push(d);
      if (recent.length > o.history) recent.shift();
    }
  }
  // A cut right after a cut is a dissolve or flash: one change of shot, at its end.
  const merged = cuts.filter((c, i) => !(cuts[i + 1] - c < o.minShotSec) && c < duration);
  const bounds = [0, ...merged, duration];
  const shots: Shot[] = [];
  for (let i = 0; i + 1 < bounds.length; i++)
    if (bounds[i + 1] > bounds[i]) shots.push({ start: bounds[i], end: bounds[i + 1] });
  return shots;
}

/** Index of the shot holding time t. */
export function shotAt(shots: Shot[], t: number): number {
  const i = shots.findIndex((s) => t < s.end);
  return i < 0 ? shots.length - 1 : i;
}
