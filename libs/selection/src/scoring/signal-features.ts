import type { Sentence } from '../selection.types';
import { isContentWord, tokensOf } from '../text/tokens';
import type { CandidateSpan, FeatureVerdict, ScoringContext } from './scoring.types';

/** Lively conversational pace, words per second. */
const LIVELY_RATE: [number, number] = [2.3, 3.6];
/** Level spread (dB) that counts as flat and as animated. */
const SPREAD_RANGE: [number, number] = [3, 9];
/** Content words per second of dense, informative speech. */
const DENSE_CONTENT_RATE = 1.3;
const DEAD_AIR_FROM_SEC = 0.4;

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
const ramp = (v: number, [lo, hi]: [number, number]) => clamp01((v - lo) / (hi - lo));

/** Coherence: the sentences stay on one subject, measured against this transcript's own spread. */
export function coherenceOf(span: CandidateSpan, ctx: ScoringContext): FeatureVerdict {
  const alike = span.sentences.length < 2 ? 0.7 : ramp(span.coherence, ctx.coherenceRange);
  // Two topics in one clip is the incoherence a viewer notices most, whatever the similarity.
  const value = span.crossesTopic ? alike * 0.3 : alike;
  const how =
    value >= 0.6
      ? 'stays on one subject'
      : value >= 0.3
        ? 'mostly on one subject'
        : 'wanders between subjects';
  const across = span.crossesTopic ? ', across a topic change' : '';
  return { value, reason: `${how} (similarity ${span.coherence.toFixed(2)}${across})` };
}

/** Delivery: a lively pace and, where the audio was measured, a voice whose loudness moves. */
export function deliveryOf(sentences: Sentence[], ctx: ScoringContext): FeatureVerdict {
  const words = sentences.flatMap((s) => s.words);
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const rate = words.length / Math.max(0.5, end - start - deadAir(words));
  const pace =
    rate < LIVELY_RATE[0] ? ramp(rate, [1.2, LIVELY_RATE[0]]) : 1 - ramp(rate, [LIVELY_RATE[1], 5]);
  const spread = ctx.levels?.spreadDb(start, end) ?? null;
  if (spread === null)
    return {
      value: pace,
      reason: `${rate.toFixed(1)} words/s${pace >= 0.8 ? ', a lively pace' : ''}`,
    };
  const animation = ramp(spread, SPREAD_RANGE);
  const value = 0.5 * pace + 0.5 * animation;
  return {
    value,
    reason: `${rate.toFixed(1)} words/s, loudness moves ${spread.toFixed(1)} dB${animation >= 0.6 ? ' (animated)' : animation <= 0.2 ? ' (flat)' : ''}`,
  };
}

/** Information density: content words per second, little dead air, confident recognition. */
export function densityOf(sentences: Sentence[]): FeatureVerdict {
  const words = sentences.flatMap((s) => s.words);
  const duration = Math.max(0.5, words[words.length - 1].end - words[0].start);
  const content = tokensOf(words.map((w) => w.text).join(' ')).filter(isContentWord).length;
  const contentRate = content / duration;
  const deadShare = Math.min(1, deadAir(words) / duration);
  const confidence = words.reduce((a, w) => a + w.confidence, 0) / words.length;
  // "Yeah." "Okay." "Right.": back-channel sentences fill time without saying anything.
  const backChannel = sentences.filter((s) => s.words.length <= 2).length / sentences.length;
  const base =
    0.6 * clamp01(contentRate / DENSE_CONTENT_RATE) + 0.25 * (1 - deadShare) + 0.15 * confidence;
  const value = base * (1 - 0.6 * backChannel);
  const chatter =
    backChannel >= 0.3 ? `, ${Math.round(backChannel * 100)} % one- or two-word replies` : '';
  return {
    value,
    reason: `${contentRate.toFixed(2)} content words/s, ${Math.round(deadShare * 100)} % dead air${chatter}`,
  };
}

/** Seconds of pauses longer than a breath between words. */
function deadAir(words: { start: number; end: number }[]): number {
  let silence = 0;
  for (let i = 1; i < words.length; i++)
    silence += Math.max(0, words[i].start - words[i - 1].end - DEAD_AIR_FROM_SEC);
  return silence;
}
