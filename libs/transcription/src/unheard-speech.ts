import type { TimeSpan } from './audio/speech-regions';
import type { TranscriptSegment } from './transcript.types';

export interface UnheardOptions {
  /** Speech within this distance of a word counts as that word's (onsets, trailing sounds). */
  marginSec?: number;
  /** Shorter stretches are breaths and clicks, not a skipped phrase. */
  minSec?: number;
}

/**
 * Stretches the VAD calls speech where the transcript has no word: Whisper sometimes skips a
 * phrase (a short turn after a long one, the first seconds of a chunk, a quiet second talker).
 * These are decoded again on their own.
 */
export function unheardSpeech(
  regions: TimeSpan[],
  segments: TranscriptSegment[],
  { marginSec = 0.4, minSec = 1 }: UnheardOptions = {},
): TimeSpan[] {
  const heard = segments
    .flatMap((s) => s.words)
    .map((w) => ({ start: w.start - marginSec, end: w.end + marginSec }))
    .sort((a, b) => a.start - b.start);
  const gaps: TimeSpan[] = [];
  for (const region of regions) {
    let cursor = region.start;
    for (const h of heard) {
      if (h.end <= cursor) continue;
      if (h.start >= region.end) break;
      if (h.start > cursor) gaps.push({ start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < region.end) gaps.push({ start: cursor, end: region.end });
  }
  return joinClose(gaps).filter((g) => g.end - g.start >= minSec);
}

/** Regions touch where the VAD split a phrase at a short pause; a skipped phrase spans both. */
function joinClose(gaps: TimeSpan[], joinSec = 0.3): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const g of gaps) {
    const last = out[out.length - 1];
    if (last && g.start - last.end <= joinSec) last.end = Math.max(last.end, g.end);
    else out.push({ ...g });
  }
  return out;
}

/**
 * Segments decoded again inside gaps, put in place on the timeline; a segment whose words run on
 * both sides of a recovered one is split there, so words stay in time order.
 */
export function insertSegments(
  segments: TranscriptSegment[],
  recovered: TranscriptSegment[],
): TranscriptSegment[] {
  let pieces = segments;
  for (const r of recovered) {
    const at = r.words[0].start;
    pieces = pieces.flatMap((s) => splitAt(s, at));
  }
  return [...pieces, ...recovered].sort((a, b) => a.words[0].start - b.words[0].start);
}

function splitAt(seg: TranscriptSegment, t: number): TranscriptSegment[] {
  const before = seg.words.filter((w) => w.start < t);
  const after = seg.words.filter((w) => w.start >= t);
  if (!before.length || !after.length) return [seg];
  const piece = (words: typeof before, start: number, end: number) => ({
    start,
    end,
    text: words.map((w) => w.text).join(' '),
    words,
  });
  return [
    piece(before, seg.start, before[before.length - 1].end),
    piece(after, after[0].start, seg.end),
  ];
}
