import { Logger } from '@nestjs/common';
import { ChatClient, rerankWithLlm } from '@app/language';
import type { Highlight } from '@app/selection';

const logger = new Logger('LlmRanking');

/**
 * The LLM's order and titles over the local candidates; the local top `wanted` if the LLM fails,
 * times out or answers nonsense (never fatal). Scores and their reasons stay the local ones.
 */
export async function applyLlmRanking(
  llm: ChatClient,
  candidates: Highlight[],
  wanted: number,
  signal?: AbortSignal,
): Promise<Highlight[]> {
  if (candidates.length <= 1) return candidates;
  try {
    const ranked = await rerankWithLlm(
      llm,
      candidates.map((h, id) => ({ id, text: h.text })),
      wanted,
      signal,
    );
    return ranked.map((r) => ({
      ...candidates[r.id],
      title: r.title,
      description: r.description || candidates[r.id].description,
      hashtags: r.hashtags.length ? r.hashtags : candidates[r.id].hashtags,
      rankedBy: `llm:${llm.model}`,
    }));
  } catch (err) {
    if (signal?.aborted) throw err;
    logger.warn(`LLM ranking skipped, local ranking kept: ${(err as Error).message}`);
    return candidates.slice(0, wanted);
  }
}
