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

/** Audio given to Whisper around each gap, and where it sits in the one WAV of all of them. */
export interface GapPiece extends TimeSpan {
  /** Where this piece starts in the joined audio. */
  joinedStart: number;
  gaps: TimeSpan[];
}

/**
 * All gaps with `contextSec` of audio either side, joined into one input with `silenceSec`
 * between pieces: one whisper.cpp run (one model load, one padded window) instead of one per gap.
 * Pieces whose context overlaps are merged, so no audio is heard twice.
 */
export function planGapPieces(
  gaps: TimeSpan[],
  durationSec: number,
  contextSec = 3,
  silenceSec = 1,
): GapPiece[] {
  const pieces: GapPiece[] = [];
  for (const gap of gaps) {
    const start = Math.max(0, gap.start - contextSec);
    const end = Math.min(durationSec, gap.end + contextSec);
    const last = pieces[pieces.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.gaps.push(gap);
    } else pieces.push({ start, end, joinedStart: 0, gaps: [gap] });
  }
  let at = 0;
  for (const p of pieces) {
    p.joinedStart = at;
    at += p.end - p.start + silenceSec;
  }
  return pieces;
}

/** Words decoded from the joined pieces, back on the recording's timeline, inside gaps only. */
export function wordsInGaps(
  segments: TranscriptSegment[],
  pieces: GapPiece[],
): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  for (const seg of segments) {
    const mapped = seg.words.flatMap((w) => {
      const piece = pieces.find(
        (p) => w.start >= p.joinedStart && w.start < p.joinedStart + (p.end - p.start),
      );
      if (!piece) return [];
      const shift = piece.start - piece.joinedStart;
      const start = w.start + shift;
      const inGap = piece.gaps.some((g) => start >= g.start - 0.1 && start < g.end);
      return inGap ? [{ ...w, start, end: Math.min(w.end + shift, piece.end) }] : [];
    });
    if (mapped.length)
      out.push({
        start: mapped[0].start,
        end: mapped[mapped.length - 1].end,
        text: mapped.map((w) => w.text).join(' '),
        words: mapped,
      });
  }
  return out;
}
