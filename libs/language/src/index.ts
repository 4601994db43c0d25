export * from './embeddings/sentence-encoder';
export * from './embeddings/vector-file';
export * from './embeddings/wordllama.encoder';
export * from './embeddings/use.encoder';
export * from './embeddings/cached.encoder';
export * from './llm/chat-client';
export * from './llm/llm-reranker';
export * from './language.module';
