import * as fs from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { ChatClient, SentenceEncoder } from '@app/language';
import { measureLevels } from '@app/media';
import { AudioProfile, Highlight, prepareSentences, selectHighlights } from '@app/selection';
import { StorageDriver } from '@app/storage';
import { transcriptWords } from '@app/transcription';
import { applyLlmRanking } from './llm-ranking';
import type { PipelineContext } from './pipeline.types';
import { sentenceVectors } from './sentence-vectors';

const logger = new Logger('SelectStage');

/** With an LLM, it chooses among this many times maxClips of the best local candidates. */
const LLM_CHOICE_FACTOR = 2;
const LLM_MAX_CANDIDATES = 20;

export interface SelectStageDeps {
  storage: StorageDriver;
  encoder: SentenceEncoder;
  llm: ChatClient | null;
}

/**
 * Sentences → embeddings (cached) → loudness over time → scored, diverse highlights; then, only
 * when an LLM is configured, its ranking and titles over the best local candidates, with the local
 * result kept whenever it fails or times out.
 */
export async function runSelectStage(
  ctx: PipelineContext,
  deps: SelectStageDeps,
): Promise<Highlight[]> {
  const { options } = ctx;
  const sentences = prepareSentences(transcriptWords(ctx.transcript!), options.maxDuration);
  ctx.report(0.05);
  const vectors = await sentenceVectors(deps.storage, deps.encoder, sentences, ctx.signal);
  ctx.report(0.6);
  const audio = await loudness(ctx);
  ctx.report(0.8);
  const pool = deps.llm
    ? Math.min(LLM_MAX_CANDIDATES, Math.max(options.maxClips, options.maxClips * LLM_CHOICE_FACTOR))
    : options.maxClips;
  const result = selectHighlights(
    { sentences, vectors, audio },
    { ...options, maxClips: pool, mediaDuration: ctx.metadata!.durationSec },
  );
  logger.log(
    `job ${ctx.jobId}: ${sentences.length} sentences, ${result.topics.length} topics, ${result.candidates} candidates`,
  );
  if (!deps.llm) return result.highlights;
  return applyLlmRanking(deps.llm, result.highlights, options.maxClips, ctx.signal);
}

/** Loudness of the extracted audio, when it is still here (a resumed job may not have it). */
async function loudness(ctx: PipelineContext): Promise<AudioProfile | undefined> {
  try {
    await fs.access(ctx.audioPath);
    return await measureLevels(ctx.binaries.ffmpeg, ctx.audioPath, { signal: ctx.signal });
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    logger.warn(
      `job ${ctx.jobId}: no loudness profile (${(err as Error).message}); delivery uses pace only`,
    );
    return undefined;
  }
}
