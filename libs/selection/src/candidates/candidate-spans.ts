import type { Sentence } from '../selection.types';

/** Breath kept before the first word and after the last, never reaching into a neighbour word. */
export const LEAD_IN_SEC = 0.2;
export const TAIL_SEC = 0.4;
const NEIGHBOUR_MARGIN_SEC = 0.05;

/** Sentences `first..last` (inclusive) cut as the clip `start..end` (padding included). */
export interface CandidateRange {
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface SpanBounds {
  minDuration: number;
  maxDuration: number;
  mediaDuration: number;
}

/**
 * Every run of whole sentences whose padded clip lasts between minDuration and maxDuration.
 * Starts and ends are sentence boundaries, so no word is ever cut.
 */
export function candidateRanges(sentences: Sentence[], bounds: SpanBounds): CandidateRange[] {
  const out: CandidateRange[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const start = paddedStart(sentences, i);
    for (let j = i; j < sentences.length; j++) {
      const end = paddedEnd(sentences, j, bounds.mediaDuration);
      if (end - start > bounds.maxDuration) break;
      if (end - start >= bounds.minDuration) out.push({ first: i, last: j, start, end });
    }
  }
  return out;
}

/** The clip start for a run opening on sentence `i`: a breath before it, clear of the word before. */
export function paddedStart(sentences: Sentence[], i: number): number {
  const start = sentences[i].start;
  const before = i > 0 ? sentences[i - 1].end + NEIGHBOUR_MARGIN_SEC : 0;
  return round3(Math.max(0, before, start - LEAD_IN_SEC));
}

/** The clip end for a run closing on sentence `j`: a breath after it, clear of the next word. */
export function paddedEnd(sentences: Sentence[], j: number, mediaDuration: number): number {
  const end = sentences[j].end;
  const after =
    j + 1 < sentences.length ? sentences[j + 1].start - NEIGHBOUR_MARGIN_SEC : mediaDuration;
  return round3(Math.max(end, Math.min(mediaDuration, after, end + TAIL_SEC)));
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
