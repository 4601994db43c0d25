import { createHash, randomBytes } from 'node:crypto';

/** `cgk_` + 8 characters shown in lists + 32 secret ones: 190 bits of randomness in all. */
const KEY_PATTERN = /^cgk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{32}$/;
const PREFIX_LENGTH = 'cgk_'.length + 8;

export interface NewKeySecret {
  key: string;
  prefix: string;
  secretHash: string;
}

/**
 * The key is random, so one SHA-256 is enough to store it (a slow password hash only protects
 * guessable secrets) and lets a request find its key by an indexed lookup.
 */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const looksLikeApiKey = (value: string): boolean => KEY_PATTERN.test(value);

export function generateApiKey(): NewKeySecret {
  const random = (bytes: number) => randomBytes(bytes).toString('base64url');
  const key = `cgk_${random(6)}_${random(24)}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), secretHash: hashApiKey(key) };
}
