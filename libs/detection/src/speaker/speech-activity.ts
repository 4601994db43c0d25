/** A word's time span, in seconds from the clip start. */
export interface TimedSpan {
  start: number;
  end: number;
}

/** 1 while someone is talking (a word is being said, small pauses bridged), else 0, on a grid. */
export function speechActivity(words: TimedSpan[], times: number[], bridgeSec = 0.25): number[] {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  return times.map((t) => {
    for (const w of sorted) {
      if (w.start - bridgeSec / 2 > t) break;
      if (t <= w.end + bridgeSec / 2) return 1;
    }
    return 0;
  });
}

/** Times from `from` to `to` (exclusive) every `step` seconds. */
export function timeGrid(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to - 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
