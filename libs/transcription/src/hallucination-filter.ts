import { deflateSync } from 'node:zlib';
import { timingKey } from './evaluation/word-alignment';
import type { TranscriptSegment, TranscriptWord } from './transcript.types';

/**
 * Collapses a phrase of 1–`maxN` words that repeats `minRepeats` or more times in a row to one
 * occurrence — Whisper's looping failure ("Hello. Hello. Hello. Hello."). Two in a row is normal
 * speech ("no, no") and is kept.
 */
export function collapseRepeats<T extends { text: string }>(
  words: T[],
  minRepeats = 3,
  maxN = 8,
): T[] {
  const keys = words.map((w) => timingKey(w.text));
  const out: T[] = [];
  let i = 0;
  while (i < words.length) {
    let skipped = false;
    for (let n = 1; n <= maxN && i + n * minRepeats <= words.length; n++) {
      let reps = 1;
      while (i + (reps + 1) * n <= words.length && sameRun(keys, i, i + reps * n, n)) reps++;
      if (reps >= minRepeats) {
        out.push(...words.slice(i, i + n));
        i += reps * n;
        skipped = true;
        break;
      }
    }
    if (!skipped) out.push(words[i++]);
  }
  return out;
}

function sameRun(keys: string[], a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!keys[a + k] || keys[a + k] !== keys[b + k]) return false;
  return true;
}

/** Whisper's own test: text that compresses better than 2.4:1 is a loop, not speech. */
export function compressionRatio(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length ? bytes.length / deflateSync(bytes).length : 0;
}

export interface SegmentEvidence {
  /** Share of the segment's time with audio above the speech threshold. */
  voicedFraction: (start: number, end: number) => number;
}

export const MAX_COMPRESSION_RATIO = 2.4;
const MIN_VOICED_FRACTION = 0.1;

/**
 * Drops segments that cannot be speech: looping text, or words "heard" over silence. Returns the
 * kept segments, words de-looped.
 */
export function dropHallucinations(
  segments: TranscriptSegment[],
  evidence?: SegmentEvidence,
): TranscriptSegment[] {
  const kept: TranscriptSegment[] = [];
  for (const seg of segments) {
    const words: TranscriptWord[] = collapseRepeats(seg.words);
    if (!words.length) continue;
    const text = words.map((w) => w.text).join(' ');
    if (text.length > 30 && compressionRatio(text) > MAX_COMPRESSION_RATIO) continue;
    const span = words[words.length - 1].end - words[0].start;
    if (
      evidence &&
      span >= 0.5 &&
      evidence.voicedFraction(words[0].start, words[words.length - 1].end) < MIN_VOICED_FRACTION
    )
      continue;
    kept.push({ ...seg, words, text });
  }
  // A loop can also run across segment boundaries: collapse on the joined word list too.
  return collapseAcrossSegments(kept);
}

function collapseAcrossSegments(segments: TranscriptSegment[]): TranscriptSegment[] {
  const tagged = segments.flatMap((s, si) => s.words.map((w) => ({ ...w, si })));
  const keptWords = collapseRepeats(tagged);
  return segments
    .map((s, si) => {
      const words = keptWords.filter((w) => w.si === si).map(({ si: _si, ...w }) => w);
      return { ...s, words, text: words.map((w) => w.text).join(' ') };
    })
    .filter((s) => s.words.length);
}
