/** One sampled frame of a rendered clip, as the thumbnail choice sees it. */
export interface ThumbnailCandidate {
  t: number;
  sharpness: number;
  /** The largest face in the frame: height as a share of the frame's, and eye openness. */
  face?: { heightShare: number; eyesOpen: number | null };
}

/** Lids this far apart (over eye width) count as open. */
const EYES_OPEN = 0.18;

/**
 * The frame a person would pick for a cover: open-eyed faces first, then sharp, then a big face;
 * never the very start or end (fades, half-words). Sharpness counts by rank within the clip, as
 * its scale depends on the picture.
 */
export function pickThumbnail(candidates: ThumbnailCandidate[], duration: number): number {
  const inner = candidates.filter(
    (c) => c.t >= Math.min(0.5, duration * 0.1) && c.t <= duration - 0.3,
  );
  const pool = inner.length ? inner : candidates;
  if (!pool.length) return Math.min(duration / 2, 1);
  const bySharpness = [...pool].sort((a, b) => a.sharpness - b.sharpness);
  const rank = new Map(bySharpness.map((c, i) => [c, pool.length > 1 ? i / (pool.length - 1) : 1]));
  const score = (c: ThumbnailCandidate) => {
    const eyes = c.face?.eyesOpen == null ? 0 : c.face.eyesOpen >= EYES_OPEN ? 1 : -1;
    return (
      0.45 * (c.face ? 1 : 0) +
      0.35 * eyes +
      0.4 * rank.get(c)! +
      0.2 * Math.min(1, (c.face?.heightShare ?? 0) * 3)
    );
  };
  return pool.reduce((best, c) => (score(c) > score(best) ? c : best)).t;
}
