import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether a presented secret equals the configured one, in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
