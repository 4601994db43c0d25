import { createHash } from 'node:crypto';

/** Visible ASCII, like the IETF draft's examples (UUIDs, random strings). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const isValidIdempotencyKey = (key: string): boolean => IDEMPOTENCY_KEY.test(key);

/**
 * What makes two uploads "the same body": the file's bytes, its name and every option field.
 * Field order does not matter (forms may send them in any order).
 */
export function uploadFingerprint(upload: {
  sha256: string;
  originalName: string;
  fields: Record<string, string>;
}): string {
  const fields = Object.entries(upload.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([upload.sha256, upload.originalName, fields]))
    .digest('hex');
}
