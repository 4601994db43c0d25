import type { ClipRequest } from '@app/selection';
import { ApiProblem } from '../common/api-problem';

const MAX_QUERY_CHARS = 500;

/** The request body as a ClipRequest, or a 400 saying what is wrong with it. */
export function parseClipRequest(body: unknown): ClipRequest {
  const bad = (detail: string) => ApiProblem.badRequest('INVALID_CLIP_REQUEST', detail);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('send a JSON object: {"start": s, "end": s} or {"query": "words that were said"}');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !['start', 'end', 'query'].includes(k));
  if (unknown.length) throw bad(`unknown field(s): ${unknown.join(', ')}`);
  const hasTimes = b.start !== undefined || b.end !== undefined;
  if (b.query !== undefined) {
    if (hasTimes) throw bad('give either start and end, or query — not both');
    if (typeof b.query !== 'string' || !b.query.trim())
      throw bad('query must be a non-empty string');
    if (b.query.length > MAX_QUERY_CHARS) throw bad(`query: at most ${MAX_QUERY_CHARS} characters`);
    return { query: b.query.trim() };
  }
  if (!hasTimes) throw bad('give start and end (seconds), or query');
  const { start, end } = b;
  if (typeof start !== 'number' || typeof end !== 'number' || !isFinite(start) || !isFinite(end))
    throw bad('start and end must both be numbers of seconds');
  if (start < 0 || end <= start) throw bad('need 0 ≤ start < end');
  return { start, end };
}
