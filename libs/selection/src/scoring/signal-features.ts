import type { Sentence } from '../selection.types';
import { contentWordsOf, deadAirOf } from './sentence-memo';
import type { CandidateSpan, FeatureVerdict, ScoringContext } from './scoring.types';

/** Lively conversational pace, words per second. */
const LIVELY_RATE: [number, number] = [2.3, 3.6];
/** Level spread (dB) that counts as flat and as animated. */
const SPREAD_RANGE: [number, number] = [3, 9];
/** Content words per second of dense, informative speech. */
const DENSE_CONTENT_RATE = 1.3;

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
  const start = sentences[0].start;
  const end = sentences[sentences.length - 1].end;
  const count = sentences.reduce((a, s) => a + s.words.length, 0);
  const rate = count / Math.max(0.5, end - start - deadAirOf(sentences));
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
  const duration = Math.max(0.5, sentences[sentences.length - 1].end - sentences[0].start);
  const content = sentences.reduce((a, s) => a + contentWordsOf(s), 0);
  const contentRate = content / duration;
  const deadShare = Math.min(1, deadAirOf(sentences) / duration);
  let count = 0;
  let sure = 0;
  for (const s of sentences)
    for (const w of s.words) {
      count++;
      sure += w.confidence;
    }
  const confidence = sure / count;
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
