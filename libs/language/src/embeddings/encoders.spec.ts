import { CachedEncoder } from './cached.encoder';
import { SentenceEncoder } from './sentence-encoder';
import { decodeVectors, encodeVectors } from './vector-file';

/** Counts what it is asked to encode; each text becomes [length, first char code]. */
class CountingEncoder extends SentenceEncoder {
  readonly name = 'counting';
  asked: string[][] = [];
  async encode(texts: string[]): Promise<Float32Array[]> {
    this.asked.push(texts);
    return texts.map((t) => Float32Array.from([t.length, t.charCodeAt(0)]));
  }
}

describe('vector files', () => {
  it('round-trip vectors and refuse a file of the wrong size', () => {
    const vectors = [Float32Array.from([1, -2.5, 3]), Float32Array.from([0, 0.25, -1])];
    expect(decodeVectors(encodeVectors(vectors))).toEqual(vectors);
    expect(decodeVectors(encodeVectors([]))).toEqual([]);
    expect(() => decodeVectors(encodeVectors(vectors).subarray(0, 20))).toThrow(/wrong size/);
  });
});

describe('CachedEncoder', () => {
  it('encodes each distinct text once and answers in the order asked', async () => {
    const inner = new CountingEncoder();
    const cached = new CachedEncoder(inner);
    const first = await cached.encode(['ab', 'c', 'ab']);
    expect(first.map((v) => v[0])).toEqual([2, 1, 2]);
    expect(inner.asked).toEqual([['ab', 'c']]);
    await cached.encode(['c', 'def']);
    expect(inner.asked[1]).toEqual(['def']);
    expect(cached.name).toBe('counting');
  });
});
