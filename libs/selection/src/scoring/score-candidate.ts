import type { FeatureName, FeatureScore } from '../selection.types';
import { stem, tokensOf } from '../text/tokens';
import { hookOnce, payoffOnce, standaloneOnce } from './sentence-memo';
import type { CandidateSpan, FeatureVerdict, ScoringContext } from './scoring.types';
import { coherenceOf, deliveryOf, densityOf } from './signal-features';
import { FEATURE_WEIGHTS, KEYWORD_WEIGHT } from './weights';

export interface CandidateScore {
  /** 0–100: the sum of the contributions. */
  score: number;
  features: FeatureScore[];
}

/** Scores one candidate from its named features; every feature says what it added and why. */
export function scoreCandidate(span: CandidateSpan, ctx: ScoringContext): CandidateScore {
  const first = span.sentences[0];
  const last = span.sentences[span.sentences.length - 1];
  const verdicts: [FeatureName | 'keywords', number, FeatureVerdict][] = [
    ['hook', FEATURE_WEIGHTS.hook, hookOnce(first)],
    ['standalone', FEATURE_WEIGHTS.standalone, standaloneOnce(first, span.previous)],
    ['payoff', FEATURE_WEIGHTS.payoff, payoffOnce(last)],
    ['coherence', FEATURE_WEIGHTS.coherence, coherenceOf(span, ctx)],
    ['delivery', FEATURE_WEIGHTS.delivery, deliveryOf(span.sentences, ctx)],
    ['density', FEATURE_WEIGHTS.density, densityOf(span.sentences)],
  ];
  if (ctx.keywords.length)
    verdicts.push(['keywords', KEYWORD_WEIGHT, keywordMatch(span, ctx.keywords)]);
  const total = verdicts.reduce((a, [, w]) => a + w, 0);
  const features = verdicts.map(([name, weight, v]) => ({
    name,
    value: round(v.value, 3),
    weight,
    contribution: round((100 * weight * v.value) / total, 1),
    reason: v.reason,
  }));
  const score = round(
    features.reduce((a, f) => a + f.contribution, 0),
    1,
  );
  return { score: Math.min(100, score), features };
}

/** Share of the user's keywords the clip mentions (stems, so "printing" matches "printed"). */
export function keywordMatch(span: CandidateSpan, keywords: string[]): FeatureVerdict {
  const stems = new Set(tokensOf(span.sentences.map((s) => s.text).join(' ')).map(stem));
  const found = keywords.filter((k) => k.split(' ').every((part) => stems.has(part)));
  if (!found.length) return { value: 0, reason: 'mentions none of the keywords' };
  return {
    value: Math.min(1, 0.6 + (0.4 * found.length) / keywords.length),
    reason: `mentions ${found.map((k) => `"${k}"`).join(', ')}`,
  };
}

/** Keywords as scoring compares them: each stemmed word of each phrase. */
export const stemKeywords = (keywords: string[] = []): string[] =>
  keywords.map((k) => tokensOf(k).map(stem).join(' ')).filter(Boolean);

const round = (v: number, digits: number) => Number(v.toFixed(digits));
