import { CandidateRange, paddedEnd, paddedStart } from '../candidates/candidate-spans';
import type { Sentence, TimedWord } from '../selection.types';
import { findQuery } from './find-query';

/** A clip asked for by time range or by words that were said. */
export type ClipRequest = { start: number; end: number } | { query: string };

/** Longest clip a request may make (a clip, not a second copy of the video). */
export const MAX_REQUESTED_CLIP_SEC = 600;

export class ClipRequestError extends Error {
  constructor(
    readonly code: 'QUERY_NOT_FOUND' | 'OUT_OF_RANGE' | 'NO_SPEECH',
    message: string,
  ) {
    super(message);
  }
}

export interface RequestBounds {
  minDuration: number;
  maxDuration: number;
  mediaDuration: number;
}

/**
 * The sentences a request covers, snapped outward to sentence bounds. A time range keeps what the
 * user chose (every sentence it touches, whole); a query grows from the matching words, a
 * sentence at a time (forward first, then back), until the clip reaches minDuration.
 */
export function resolveClipRequest(
  sentences: Sentence[],
  request: ClipRequest,
  bounds: RequestBounds,
): CandidateRange {
  if (!sentences.length)
    throw new ClipRequestError('NO_SPEECH', 'the video has no speech to cut on');
  if ('query' in request) return aroundQuery(sentences, request.query, bounds);
  const { start, end } = request;
  if (!(start >= 0 && end > start && start < bounds.mediaDuration))
    throw new ClipRequestError(
      'OUT_OF_RANGE',
      `start and end must satisfy 0 ≤ start < end, start before the video's end (${bounds.mediaDuration.toFixed(1)} s)`,
    );
  const inside = sentences
    .map((s, i) => (s.end > start && s.start < end ? i : -1))
    .filter((i) => i >= 0);
  if (!inside.length)
    throw new ClipRequestError('NO_SPEECH', `nothing is said between ${start} s and ${end} s`);
  return checked(sentences, inside[0], inside[inside.length - 1], bounds);
}

function aroundQuery(sentences: Sentence[], query: string, bounds: RequestBounds): CandidateRange {
  const words: (TimedWord & { sentence: number })[] = sentences.flatMap((s, i) =>
    s.words.map((w) => ({ ...w, sentence: i })),
  );
  const match = findQuery(words, query);
  if (!match)
    throw new ClipRequestError('QUERY_NOT_FOUND', `"${query}" was not found in the transcript`);
  let first = words[match.from].sentence;
  let last = words[match.to].sentence;
  const length = (f: number, l: number) =>
    paddedEnd(sentences, l, bounds.mediaDuration) - paddedStart(sentences, f);
  // What follows the words is what the user is after; earlier sentences only if still too short.
  while (
    length(first, last) < bounds.minDuration &&
    last + 1 < sentences.length &&
    length(first, last + 1) <= bounds.maxDuration
  )
    last++;
  while (
    length(first, last) < bounds.minDuration &&
    first > 0 &&
    length(first - 1, last) <= bounds.maxDuration
  )
    first--;
  return checked(sentences, first, last, bounds);
}

function checked(
  sentences: Sentence[],
  first: number,
  last: number,
  bounds: RequestBounds,
): CandidateRange {
  const range = {
    first,
    last,
    start: paddedStart(sentences, first),
    end: paddedEnd(sentences, last, bounds.mediaDuration),
  };
  if (range.end - range.start > MAX_REQUESTED_CLIP_SEC)
    throw new ClipRequestError(
      'OUT_OF_RANGE',
      `the clip would last ${Math.round(range.end - range.start)} s; at most ${MAX_REQUESTED_CLIP_SEC} s`,
    );
  return range;
}
