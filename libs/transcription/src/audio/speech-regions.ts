import type { EnergyEnvelope } from './energy-envelope';

export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * Energy-based voice activity: spans of loud frames, bridged over gaps shorter than `bridgeSec`
 * and padded by `padSec`; spans shorter than `minSpeechSec` are dropped as clicks.
 */
export function speechRegions(
  env: EnergyEnvelope,
  bridgeSec = 0.5,
  padSec = 0.2,
  minSpeechSec = 0.15,
): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let start = -1;
  let lastLoud = -1;
  const bridge = Math.round(bridgeSec / env.frameSec);
  for (let i = 0; i < env.db.length; i++) {
    if (env.db[i] <= env.thresholdDb) continue;
    if (start < 0) start = i;
    else if (i - lastLoud > bridge) {
      spans.push({ start, end: lastLoud + 1 } as TimeSpan);
      start = i;
    }
    lastLoud = i;
  }
  if (start >= 0) spans.push({ start, end: lastLoud + 1 });
  const total = env.db.length * env.frameSec;
  return spans
    .map((s) => ({ start: s.start * env.frameSec, end: s.end * env.frameSec }))
    .filter((s) => s.end - s.start >= minSpeechSec)
    .map((s) => ({ start: Math.max(0, s.start - padSec), end: Math.min(total, s.end + padSec) }));
}

/**
 * Groups speech spans into chunks of at most `maxChunkSec`, cutting only in pauses, and leaves
 * long silences out. A pause of up to `joinGapSec` stays inside a chunk: each whisper.cpp run
 * loads the model and pads its last window to 30 s, so a new chunk costs more than decoding a
 * few seconds of silence (measured: 7 chunks → 3 took Whisper from 67 s to 57 s on 10 minutes
 * of conversation). A single span longer than the limit is cut at the limit (rare: minutes of
 * speech without a half-second pause).
 */
export function planChunks(regions: TimeSpan[], maxChunkSec = 600, joinGapSec = 15): TimeSpan[] {
  const chunks: TimeSpan[] = [];
  for (const r of regions) {
    const last = chunks[chunks.length - 1];
    if (last && r.start - last.end <= joinGapSec && r.end - last.start <= maxChunkSec) {
      last.end = r.end;
      continue;
    }
    for (let s = r.start; s < r.end; s += maxChunkSec)
      chunks.push({ start: s, end: Math.min(r.end, s + maxChunkSec) });
  }
  return chunks;
}

/** Share of [start, end) that the (sorted, disjoint) speech regions cover. */
export function coveredFraction(regions: TimeSpan[], start: number, end: number): number {
  if (end <= start) return 0;
  let covered = 0;
  for (const r of regions) {
    if (r.start >= end) break;
    covered += Math.max(0, Math.min(end, r.end) - Math.max(start, r.start));
  }
  return covered / (end - start);
}
