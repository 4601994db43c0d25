/**
 * Splits words (given by width) into at most `maxLines` lines no wider than `maxWidth`, fewest
 * lines first and, among those, the most even (the widest line as narrow as it can be), as
 * captions are set. Never splits a word. Returns the word count of each line, or null when the
 * words do not fit (a word wider than `maxWidth` only fits alone, with `allowOverflow`). `growth`
 * is the share by which the spoken word grows as it pops.
 */
export function breakLines(
  widths: number[],
  space: number,
  maxWidth: number,
  maxLines: number,
  allowOverflow = false,
  growth = 0,
): number[] | null {
  const n = widths.length;
  if (!n) return [];
  // The spoken word grows by `growth` of its width as it pops: room is kept for the widest.
  const lineWidth = (from: number, to: number) => {
    let w = space * (to - from - 1);
    let widest = 0;
    for (let i = from; i < to; i++) {
      w += widths[i];
      widest = Math.max(widest, widths[i]);
    }
    return w + growth * widest;
  };
  const fits = (from: number, to: number) =>
    lineWidth(from, to) <= maxWidth || (allowOverflow && to - from === 1);
  for (let lines = 1; lines <= Math.min(maxLines, n); lines++) {
    // best[k][i]: the narrowest widest-line setting words i.. in k lines, and its first line.
    const best: { widest: number; first: number }[][] = [];
    for (let k = 1; k <= lines; k++) {
      best[k] = [];
      for (let i = 0; i < n; i++) {
        best[k][i] = { widest: Infinity, first: 0 };
        if (k === 1) {
          if (fits(i, n)) best[k][i] = { widest: lineWidth(i, n), first: n - i };
          continue;
        }
        for (let j = i + 1; j <= n - (k - 1); j++) {
          if (!fits(i, j)) break;
          const widest = Math.max(lineWidth(i, j), best[k - 1][j].widest);
          if (widest < best[k][i].widest) best[k][i] = { widest, first: j - i };
        }
      }
    }
    if (best[lines][0].widest === Infinity) continue;
    const counts: number[] = [];
    for (let k = lines, i = 0; k >= 1; k--) {
      counts.push(best[k][i].first);
      i += best[k][i].first;
    }
    return counts;
  }
  return null;
}
