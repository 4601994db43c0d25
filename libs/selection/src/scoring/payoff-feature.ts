import type { Sentence } from '../selection.types';
import { OPEN_ENDINGS, SIGN_OFF } from '../text/cues';
import { tokensOf } from '../text/tokens';
import { quote, tail } from './quote';
import type { FeatureVerdict } from './scoring.types';

const CONCLUSION =
  /\b(so|that's why|that is why|which means|the point is|in the end|finally|the lesson|the answer|the truth is|bottom line|because|therefore)\b/i;
const FILLER_ENDINGS = new Set('yeah yes right okay ok so um uh mhm hmm sure'.split(' '));

/**
 * Payoff: does the clip land? A finished sentence, better one that concludes; a fragment, a
 * trailing filler or a sign-off ("thank you for all that you do") is an ending, not a payoff.
 */
export function payoffOf(last: Sentence): FeatureVerdict {
  const tokens = tokensOf(last.text);
  const final = tokens[tokens.length - 1] ?? '';
  if (!last.complete || OPEN_ENDINGS.has(final))
    return { value: 0.05, reason: `ends mid-sentence: …${tail(last.text)}` };
  if (SIGN_OFF.test(last.text) && tokens.length < 14)
    return { value: 0.15, reason: `ends on a sign-off: ${quote(last.text)}` };
  if (tokens.length <= 2 && tokens.every((t) => FILLER_ENDINGS.has(t)))
    return { value: 0.4, reason: `trails off on "${last.text.trim()}"` };
  if (/\?["'”)]*$/.test(last.text))
    return { value: 0.55, reason: `ends on an open question: ${quote(last.text)}` };
  let value = 0.7;
  const concludes = CONCLUSION.test(last.text);
  if (concludes) value += 0.2;
  if (tokens.length >= 5) value += 0.1;
  return {
    value: Math.min(1, value),
    reason: `${concludes ? 'lands a conclusion' : 'ends on a finished sentence'}: …${tail(last.text)}`,
  };
}
