import type { Sentence } from '../selection.types';
import { SIGN_OFF } from '../text/cues';
import { tokensOf } from '../text/tokens';
import type { FeatureVerdict } from './scoring.types';
import { quote } from './quote';

const NUMBER_WORDS =
  /^(\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|percent|half|twice|double|triple)$/;
const CLAIM_WORDS = new Set(
  'never always best worst most biggest greatest secret truth everyone everybody nobody nothing everything only must important mistake wrong problem impossible incredible amazing huge crazy love hate die kill fear favorite favourite'.split(
    ' ',
  ),
);
const CONTRAST_WORDS = new Set(
  'but however actually instead although though yet unlike rather'.split(' '),
);
const CURIOSITY =
  /^(imagine|here's|here is|let me tell|the reason|what if|listen|picture this|the thing is|did you know)/i;
const DANGLING_OPENERS = new Set(
  'and but so or because also then plus which otherwise therefore anyway besides hence thus'.split(
    ' ',
  ),
);
const DANGLING_PHRASES =
  /^(that's why|that is why|this is why|as a result|on the other hand|in that case|after that|because of that|for that reason)\b/i;
const BACK_REFERENCES = new Set(
  "he she it they him her them his its their theirs this that these those there he's she's it's they're that's".split(
    ' ',
  ),
);
/** A pause shorter than this between the previous sentence and the first one is a running thought. */
const RUNNING_PAUSE_SEC = 1.0;

/**
 * Hook: does the first sentence make someone stop scrolling? A question, a bold claim, a number,
 * a contrast, a curiosity opener or words addressed to the viewer each add; a sign-off or a long,
 * slow first sentence takes away.
 */
export function hookOf(first: Sentence): FeatureVerdict {
  const tokens = tokensOf(first.text);
  if (SIGN_OFF.test(first.text) && tokens.length < 12)
    return { value: 0.05, reason: `opens with a sign-off: ${quote(first.text)}` };
  const cues: [boolean, number, string][] = [
    [/\?["'”)]*$/.test(first.text), 0.45, 'a question'],
    [CURIOSITY.test(first.text), 0.35, 'a curiosity opener'],
    [tokens.some((t) => CLAIM_WORDS.has(t)), 0.3, 'a bold claim'],
    [tokens.some((t) => NUMBER_WORDS.test(t)), 0.25, 'a number'],
    [tokens.slice(1).some((t) => CONTRAST_WORDS.has(t)), 0.2, 'a contrast'],
    [tokens.some((t) => t === 'you' || t === 'your'), 0.2, 'words to the viewer'],
  ];
  const hits = cues.filter(([hit]) => hit);
  let value = 0.15 + hits.reduce((a, [, w]) => a + w, 0);
  const slow = tokens.length > 30;
  if (slow) value *= 0.7;
  value = Math.min(1, value);
  const what = hits.length ? `opens with ${hits.map(([, , n]) => n).join(', ')}` : 'plain opening';
  return {
    value,
    reason: `${what}${slow ? ' (a long first sentence)' : ''}: ${quote(first.text)}`,
  };
}

/**
 * Standalone: can the clip be understood without what came before? It must start on a new
 * sentence (not mid-thought), not open on a connective ("so", "and", "that's why") or on a
 * pronoun whose referent lies before the clip, and not answer a question it leaves out.
 */
export function standaloneOf(first: Sentence, previous?: Sentence): FeatureVerdict {
  const tokens = tokensOf(first.text);
  const opener = tokens[0] ?? '';
  const runningOn = previous !== undefined && first.start - previous.end < RUNNING_PAUSE_SEC;
  if (previous && !previous.complete && runningOn)
    return { value: 0.05, reason: `starts mid-sentence: ${quote(first.text)}` };
  if (/^[\p{Ll}]/u.test(first.words[0]?.text ?? '') && previous && runningOn)
    return { value: 0.15, reason: `starts mid-thought (lower-case opening): ${quote(first.text)}` };
  if (DANGLING_OPENERS.has(opener) || DANGLING_PHRASES.test(tokens.slice(0, 4).join(' ')))
    return { value: 0.3, reason: `opens with "${opener}", leaning on what came before` };
  if (BACK_REFERENCES.has(opener))
    return {
      value: 0.5,
      reason: `opens with "${opener}", which refers to something before the clip`,
    };
  if (previous && /\?["'”)]*$/.test(previous.text) && runningOn)
    return { value: 0.6, reason: 'answers a question the clip leaves out' };
  return { value: 1, reason: 'opens on a new sentence that needs nothing before it' };
}
