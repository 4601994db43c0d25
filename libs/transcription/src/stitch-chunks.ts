import { timingKey } from './evaluation/word-alignment';
import type { TranscriptSegment, TranscriptWord } from './transcript.types';

export interface ChunkTranscript {
  /** Where the chunk starts in the whole recording, seconds. */
  offset: number;
  /** The chunk's length; words are clamped inside it (Whisper can time past the audio's end). */
  durationSec?: number;
  segments: TranscriptSegment[];
}

/** How far back a repeated word may start and still be the previous chunk's word heard again. */
const SEAM_TOLERANCE_SEC = 0.05;
const SEAM_WORDS = 3;

/**
 * Joins chunk transcripts into one timeline: shifts each chunk by its offset, keeps every word
 * inside its chunk (words Whisper times past the chunk's end are its last words with drifting
 * timestamps, not noise), keeps starts in order, and drops only a word heard twice across a seam:
 * one that repeats the previous chunk's last words and starts before they end. Inside a chunk no
 * word is dropped for its time: a turn's first word is often timed before the last word of the
 * previous turn ends, and the aligner re-times it.
 */
export function stitchChunks(chunks: ChunkTranscript[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  let previous: TranscriptWord[] = [];
  for (const chunk of [...chunks].sort((a, b) => a.offset - b.offset)) {
    const limit = chunk.offset + (chunk.durationSec ?? Infinity);
    const clamp = (t: number) => Math.min(Math.max(t + chunk.offset, chunk.offset), limit);
    const lastStart = () => out[out.length - 1]?.words.at(-1)?.start ?? -Infinity;
    let atSeam = true;
    const chunkWords: TranscriptWord[] = [];
    for (const seg of chunk.segments) {
      const words: TranscriptWord[] = [];
      for (const w of seg.words) {
        const start = Math.max(clamp(w.start), words.at(-1)?.start ?? lastStart());
        if (atSeam && repeatsSeam(w.text, start, previous)) continue;
        atSeam = false;
        words.push({ ...w, start, end: Math.max(clamp(w.end), start) });
      }
      if (!words.length) continue;
      chunkWords.push(...words);
      out.push({
        start: words[0].start,
        end: Math.max(Math.min(seg.end + chunk.offset, limit), words[words.length - 1].end),
        text: words.map((w) => w.text).join(' '),
        words,
      });
    }
    if (chunkWords.length) previous = chunkWords.slice(-SEAM_WORDS);
  }
  return out;
}

function repeatsSeam(text: string, start: number, previous: TranscriptWord[]): boolean {
  if (!previous.length) return false;
  const end = previous[previous.length - 1].end;
  return (
    start < end - SEAM_TOLERANCE_SEC && previous.some((p) => timingKey(p.text) === timingKey(text))
  );
}
