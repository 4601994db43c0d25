import * as os from 'node:os';
import { compiledScript } from '@app/media';
import { SentenceEncoder } from './sentence-encoder';
import { encodeWithHelper } from './encoder-helper';

/** Below this many texts one helper is quicker than starting several. */
const PARALLEL_FROM = 256;

const helperScript = () => compiledScript(__dirname, __filename, 'use-encoder.main.js');

/**
 * Universal Sentence Encoder lite (512 dims) on tfjs wasm, in child Node processes: the default
 * (better topic boundaries and subject spread on bench:select than WordLlama). One per core
 * for long transcripts (the wasm backend uses one thread), each on a contiguous share.
 */
export class UseEncoder extends SentenceEncoder {
  readonly name = 'use-lite-512';

  constructor(private readonly workers = Math.max(1, Math.min(4, os.availableParallelism()))) {
    super();
  }

  async encode(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const parts = texts.length >= PARALLEL_FROM ? this.workers : 1;
    const size = Math.ceil(texts.length / parts);
    const shares = Array.from({ length: parts }, (_, k) => texts.slice(k * size, (k + 1) * size));
    const vectors = await Promise.all(
      shares.map((share) =>
        encodeWithHelper(process.execPath, (i, o) => [helperScript(), i, o], share, signal),
      ),
    );
    return vectors.flat();
  }
}
