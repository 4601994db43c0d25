import type { Request } from 'express';

/** A rest of a refused body up to this size is read and discarded after the answer. */
export const LINGER_MAX_BYTES = 64 * 1024 * 1024;

/**
 * For an answer given before the body was read (401, 429): Node reads and discards the unread
 * rest after the answer, so a client that writes its whole body before reading still gets it
 * (hanging up on it would fail its write instead). A body that is larger, or of unknown length,
 * is not worth reading: the connection closes after the answer.
 */
export function answerBeforeBody(req: Request): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (chunked || declared > LINGER_MAX_BYTES) req.res?.setHeader('Connection', 'close');
}
