import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { decodeVectors, encodeVectors, SentenceEncoder } from '@app/language';
import type { Sentence } from '@app/selection';
import { readObject, StorageDriver, StorageKeys } from '@app/storage';

const logger = new Logger('SentenceVectors');

/**
 * One embedding per sentence, encoded in one batch and cached in storage by encoder and sentence
 * texts: a resumed job, a retried one, a clip asked for later or another job with the same
 * transcript reads them back instead of encoding again.
 */
export async function sentenceVectors(
  storage: StorageDriver,
  encoder: SentenceEncoder,
  sentences: Sentence[],
  signal?: AbortSignal,
): Promise<Float32Array[]> {
  const texts = sentences.map((s) => s.text);
  const hash = createHash('sha256').update(encoder.name).update('\0').update(texts.join('\n'));
  const key = StorageKeys.cachedVectors(`${encoder.name}-${hash.digest('hex').slice(0, 32)}`);
  const cached = await readObject(storage, key);
  if (cached) {
    try {
      const vectors = decodeVectors(cached);
      if (vectors.length === texts.length) return vectors;
    } catch (err) {
      logger.warn(`cached sentence vectors unreadable, encoding again: ${(err as Error).message}`);
    }
  }
  const vectors = await encoder.encode(texts, signal);
  await storage.put(key, encodeVectors(vectors), 'application/octet-stream');
  return vectors;
}
