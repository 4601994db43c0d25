import { registerAs } from '@nestjs/config';
import * as path from 'node:path';
import { validateEnv } from './env.validation';
import { projectRoot } from './project-root';

export interface LlmConfig {
  /** An OpenAI-compatible endpoint (Ollama, llama.cpp server, vLLM, a cloud), e.g. http://127.0.0.1:11434/v1. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  maxTokens: number;
}

export interface SelectionConfig {
  encoder: 'wordllama' | 'use';
  /** A Python with the `wordllama` wheel (set-up installs it in .cache/venv). */
  toolsPython: string;
  wordLlamaScript: string;
  /** Only when LLM_BASE_URL is set: never required. */
  llm?: LlmConfig;
}

export const selectionConfig = registerAs('selection', (): SelectionConfig => {
  const e = validateEnv(process.env) as Record<string, never>;
  return {
    encoder: e.SENTENCE_ENCODER,
    toolsPython: e.TOOLS_PYTHON ?? path.join(projectRoot(), '.cache', 'venv', 'bin', 'python'),
    wordLlamaScript: path.join(projectRoot(), 'scripts', 'embeddings', 'wordllama_embed.py'),
    llm: e.LLM_BASE_URL
      ? {
          baseUrl: e.LLM_BASE_URL,
          apiKey: e.LLM_API_KEY,
          model: e.LLM_MODEL,
          timeoutMs: (e.LLM_TIMEOUT_SEC as number) * 1000,
          maxTokens: e.LLM_MAX_TOKENS,
        }
      : undefined,
  };
});
