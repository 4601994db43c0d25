import type { FeatureName } from '../selection.types';

/**
 * How much each feature can add to the 0–100 score. Hook, standalone and payoff carry most: a
 * clip that grabs, needs no context and lands is what people post. Coherence and density say it
 * is about one thing and says something; delivery (pace, loudness movement) is the tie-breaker.
 */
export const FEATURE_WEIGHTS: Record<FeatureName, number> = {
  hook: 20,
  standalone: 22,
  payoff: 20,
  coherence: 15,
  delivery: 8,
  density: 15,
};

/** Weight of the match with the user's keywords, when there are any (the rest scale down). */
export const KEYWORD_WEIGHT = 30;
