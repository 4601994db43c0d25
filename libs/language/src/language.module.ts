import { Logger, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { selectionConfig } from '@app/config';
import { CachedEncoder } from './embeddings/cached.encoder';
import { SentenceEncoder } from './embeddings/sentence-encoder';
import { UseEncoder } from './embeddings/use.encoder';
import { WordLlamaEncoder } from './embeddings/wordllama.encoder';
import { ChatClient } from './llm/chat-client';

/** The optional LLM (null unless LLM_BASE_URL is set). */
export const LLM_CLIENT = Symbol('LLM_CLIENT');

/** Sentence embeddings (the configured encoder, cached) and the optional LLM client. */
@Module({
  providers: [
    {
      provide: SentenceEncoder,
      inject: [selectionConfig.KEY],
      useFactory: (config: ConfigType<typeof selectionConfig>) =>
        new CachedEncoder(
          config.encoder === 'use'
            ? new UseEncoder()
            : new WordLlamaEncoder({ python: config.toolsPython, script: config.wordLlamaScript }),
        ),
    },
    {
      provide: LLM_CLIENT,
      inject: [selectionConfig.KEY],
      useFactory: (config: ConfigType<typeof selectionConfig>) => {
        if (!config.llm) return null;
        new Logger('LanguageModule').log(
          `clips are re-ranked and titled by ${config.llm.model} at ${config.llm.baseUrl} (local ranking if it fails)`,
        );
        return new ChatClient(config.llm);
      },
    },
  ],
  exports: [SentenceEncoder, LLM_CLIENT],
})
export class LanguageModule {}
