import type { TranscriptSegment } from './transcript.types';

export interface ChunkTranscript {
  /** Where the chunk starts in the whole recording, seconds. */
  offset: number;
  /** The chunk's length; words are clamped inside it (Whisper can time past the audio's end). */
  durationSec?: number;
  segments: TranscriptSegment[];
}

/**
 * Joins chunk transcripts into one timeline: shifts each chunk by its offset and drops words that
 * start before the previous chunk's last word ended (a word heard twice across a seam).
 */
export function stitchChunks(chunks: ChunkTranscript[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  let lastEnd = -Infinity;
  for (const chunk of [...chunks].sort((a, b) => a.offset - b.offset)) {
    for (const seg of chunk.segments) {
      const limit = chunk.offset + (chunk.durationSec ?? Infinity);
      const words = seg.words
        .map((w) => ({
          ...w,
          start: Math.min(w.start + chunk.offset, limit),
          end: Math.min(w.end + chunk.offset, limit),
        }))
        .filter((w) => w.start >= lastEnd - 0.05 && w.start < limit);
      if (!words.length) continue;
      lastEnd = Math.max(lastEnd, words[words.length - 1].end);
      out.push({
        start: words[0].start,
        end: Math.max(seg.end + chunk.offset, words[words.length - 1].end),
        text: words.map((w) => w.text).join(' '),
        words,
      });
    }
  }
  return out;
}
