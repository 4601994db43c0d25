import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck = 'valid' | 'expired' | 'invalid';

const signatureOf = (path: string, expires: number, secret: string) =>
  createHmac('sha256', secret).update(`${path}\n${expires}`).digest('base64url');

/** `path?expires=…&signature=…`: the path and the expiry (Unix seconds) are what is signed. */
export function signPath(path: string, expiresAtSec: number, secret: string): string {
  const expires = Math.floor(expiresAtSec);
  return `${path}?expires=${expires}&signature=${signatureOf(path, expires, secret)}`;
}

/** Checks a signed link's query against its path; an expired link is told apart from a forged one. */
export function checkSignedPath(
  path: string,
  query: { expires?: unknown; signature?: unknown },
  secret: string,
  nowSec: number,
): LinkCheck {
  const { expires, signature } = query;
  if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires))
    return 'invalid';
  const expected = Buffer.from(signatureOf(path, Number(expires), secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(expires) < nowSec ? 'expired' : 'valid';
}
