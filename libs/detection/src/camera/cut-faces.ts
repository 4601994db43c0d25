/** A face across the x axis: centre and size, source pixels. */
export interface FaceSpan {
  cx: number;
  size: number;
}

/**
 * Moves a window's left edge so that no other face is cut in half by its sides: the other face
 * goes fully out (preferred) or fully in, as long as the subject's face stays wholly inside and
 * the window inside the frame. A face cut at the edge of a 9:16 crop reads as a mistake.
 */
export function clearOfCutFaces(
  x: number,
  width: number,
  sourceWidth: number,
  subject: FaceSpan,
  others: FaceSpan[],
): number {
  const fits = (nx: number) =>
    nx >= 0 &&
    nx + width <= sourceWidth &&
    subject.cx - subject.size / 2 >= nx &&
    subject.cx + subject.size / 2 <= nx + width;
  let best = x;
  for (const o of others) {
    const [left, right] = [o.cx - o.size / 2, o.cx + o.size / 2];
    const cut = (nx: number) =>
      left < nx + width && right > nx && (left < nx || right > nx + width);
    if (!cut(best)) continue;
    const out = o.cx > subject.cx ? left - width : right;
    const inside = o.cx > subject.cx ? right - width : left;
    const candidates = [out, inside].map(Math.round).filter((nx) => fits(nx) && !cut(nx));
    if (candidates.length) best = candidates[0];
  }
  return best;
}
