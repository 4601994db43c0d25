/** Port: sentence embeddings, one vector per text, batched (one call per transcript). */
export abstract class SentenceEncoder {
  /** Names the model, so cached vectors of one model are never read as another's. */
  abstract readonly name: string;
  abstract encode(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

export const SENTENCE_ENCODERS = ['wordllama', 'use'] as const;
export type SentenceEncoderName = (typeof SENTENCE_ENCODERS)[number];
