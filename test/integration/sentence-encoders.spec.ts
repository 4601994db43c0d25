import * as path from 'node:path';
import { CachedEncoder, SentenceEncoder, UseEncoder, WordLlamaEncoder } from '@app/language';
import { cosine } from '@app/selection';

const ROOT = path.resolve(__dirname, '..', '..');

const encoders: [string, () => SentenceEncoder][] = [
  ['USE lite (npm, tfjs wasm)', () => new UseEncoder()],
  [
    'WordLlama (PyPI)',
    () =>
      new WordLlamaEncoder({
        python: process.env.TOOLS_PYTHON ?? path.join(ROOT, '.cache', 'venv', 'bin', 'python'),
        script: path.join(ROOT, 'scripts', 'embeddings', 'wordllama_embed.py'),
      }),
  ],
];

describe.each(encoders)('sentence encoder: %s', (_name, make) => {
  it('places sentences on one subject closer than sentences on different subjects', async () => {
    const vectors = await make().encode([
      'Gutenberg printed books with movable metal type.',
      'The printing press made books cheap across Europe.',
      'The striker scored twice in the second half of the match.',
    ]);
    expect(vectors).toHaveLength(3);
    expect(new Set(vectors.map((v) => v.length)).size).toBe(1);
    expect(cosine(vectors[0], vectors[1])).toBeGreaterThan(cosine(vectors[0], vectors[2]) + 0.1);
  }, 60_000);

  it('encodes nothing for no texts and is stopped by an abort', async () => {
    expect(await make().encode([])).toEqual([]);
    const abort = new AbortController();
    const pending = make().encode(['one sentence'], abort.signal);
    abort.abort();
    await expect(pending).rejects.toThrow();
  }, 60_000);

  it('gives the same vectors through the cache', async () => {
    const plain = await make().encode(['a sentence about bread']);
    const cached = new CachedEncoder(make());
    expect(Array.from((await cached.encode(['a sentence about bread']))[0])).toEqual(
      Array.from(plain[0]),
    );
  }, 60_000);
});
