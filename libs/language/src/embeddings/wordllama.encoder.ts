import { SentenceEncoder } from './sentence-encoder';
import { encodeWithHelper } from './encoder-helper';

export interface WordLlamaOptions {
  /** A Python with the `wordllama` wheel (set-up installs it in .cache/venv). */
  python: string;
  /** scripts/embeddings/wordllama_embed.py */
  script: string;
}

/**
 * WordLlama (l2_supercat, 256 dims): static token embeddings pooled per sentence. Thousands of
 * sentences a second on one core, but weaker topic boundaries than USE on bench:select; the
 * choice for very long inputs on slow machines (SENTENCE_ENCODER=wordllama).
 */
export class WordLlamaEncoder extends SentenceEncoder {
  readonly name = 'wordllama-l2-supercat-256';

  constructor(private readonly options: WordLlamaOptions) {
    super();
  }

  encode(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const { python, script } = this.options;
    return encodeWithHelper(python, (i, o) => [script, i, o], texts, signal);
  }
}
