import { createHash } from 'node:crypto';
import { SentenceEncoder } from './sentence-encoder';

/** Sentences kept; a 3-hour transcript has about 3,000. */
const CAPACITY = 20_000;

/**
 * Remembers vectors by text (least recently used out first), so that the same sentences, asked
 * for again in the same process (a retried job, clips on request), are not encoded twice.
 */
export class CachedEncoder extends SentenceEncoder {
  private readonly cache = new Map<string, Float32Array>();

  constructor(private readonly inner: SentenceEncoder) {
    super();
  }

  get name(): string {
    return this.inner.name;
  }

  async encode(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const keys = texts.map((t) => createHash('sha1').update(t).digest('base64'));
    const missing = [...new Set(keys.filter((k) => !this.cache.has(k)))];
    if (missing.length) {
      const textOf = new Map(keys.map((k, i) => [k, texts[i]]));
      const vectors = await this.inner.encode(
        missing.map((k) => textOf.get(k)!),
        signal,
      );
      missing.forEach((k, i) => this.cache.set(k, vectors[i]));
    }
    const out = keys.map((k) => {
      const v = this.cache.get(k)!;
      this.cache.delete(k);
      this.cache.set(k, v);
      return v;
    });
    while (this.cache.size > CAPACITY) this.cache.delete(this.cache.keys().next().value!);
    return out;
  }
}
