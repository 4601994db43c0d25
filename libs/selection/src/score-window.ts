import type { Sentence } from './selection.types';

/** Natural conversational speech runs about 2.5–3 words per second. */
const TARGET_WORDS_PER_SEC = 2.7;

/**
 * Scores a run of sentences as a stand-alone clip, 0–1. Simple and explainable: dense speech,
 * complete sentences, confident recognition, little dead air, and an opening that reads as a start.
 */
export function scoreWindow(sentences: Sentence[]): {
  score: number;
  features: Record<string, number>;
} {
  const words = sentences.flatMap((s) => s.words);
  const start = sentences[0].start;
  const end = sentences[sentences.length - 1].end;
  const duration = Math.max(0.001, end - start);
  let silence = 0;
  for (let i = 1; i < words.length; i++)
    silence += Math.max(0, words[i].start - words[i - 1].end - 0.3);

  const density = Math.min(1, words.length / duration / TARGET_WORDS_PER_SEC);
  const completeness = sentences.filter((s) => s.complete).length / sentences.length;
  const confidence = words.reduce((a, w) => a + w.confidence, 0) / words.length;
  const liveness = 1 - Math.min(1, silence / duration);
  const opensCleanly = /^[A-Z0-9"'“]/.test(words[0].text) ? 1 : 0;
  const closesCleanly = sentences[sentences.length - 1].complete ? 1 : 0;

  const score =
    0.3 * density +
    0.25 * completeness +
    0.2 * confidence +
    0.15 * liveness +
    0.05 * opensCleanly +
    0.05 * closesCleanly;
  return {
    score: Number(score.toFixed(4)),
    features: { density, completeness, confidence, liveness, opensCleanly, closesCleanly },
  };
}
