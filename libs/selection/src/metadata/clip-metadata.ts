import type { Sentence } from '../selection.types';
import { isContentWord, normalizeToken, stem } from '../text/tokens';

export interface ClipMetadata {
  title: string;
  description: string;
  hashtags: string[];
}

/** How many sentences of the transcript mention each stem: rare words name a clip's subject. */
export function documentFrequencies(sentences: Sentence[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of sentences)
    for (const t of new Set(contentTokens(s.text).map(stem))) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/**
 * Title, description and hashtags made locally. The title is the clip's key phrase: runs of
 * content words weighed by how often the clip says them and how rare they are in the whole
 * transcript (tf-idf), two-word phrases preferred; the description is the clip's most central
 * sentence; the hashtags its top phrases of one or two words.
 */
export function clipMetadata(
  sentences: Sentence[],
  df: Map<string, number>,
  totalSentences: number,
  centralSentence: number,
): ClipMetadata {
  const idf = (t: string) => Math.log((1 + totalSentences) / (1 + (df.get(stem(t)) ?? 0))) + 1;
  const tf = new Map<string, number>();
  for (const t of contentTokens(sentences.map((s) => s.text).join(' ')))
    tf.set(stem(t), (tf.get(stem(t)) ?? 0) + 1);
  const weight = (t: string) => (tf.get(stem(t)) ?? 0) * idf(t);
  const phrases = new Map<string, number>();
  for (const s of sentences)
    for (const run of contentRuns(s.text))
      for (let len = 1; len <= Math.min(3, run.length); len++)
        for (let k = 0; k + len <= run.length; k++) {
          const words = run.slice(k, k + len);
          const value =
            (words.reduce((a, w) => a + weight(w), 0) / len) *
            (1 + 0.35 * (len - 1)) *
            (nameLike(words) ? 1 : 0.6);
          const key = words.join(' ');
          phrases.set(key, Math.max(phrases.get(key) ?? 0, value));
        }
  const scored = [...phrases.entries()].sort((x, y) => y[1] - x[1]);
  return {
    title: titleFrom(scored) ?? describe(longest(sentences), 48),
    description: describe(sentences[centralSentence]?.text ?? ''),
    hashtags: hashtagsFrom(scored.map(([p]) => p)),
  };
}

/** Up to four tags from the top phrases of one or two words, no stem twice ("#NewJersey #Chicago"). */
function hashtagsFrom(ranked: string[]): string[] {
  const used = new Set<string>();
  const tags: string[] = [];
  for (const phrase of ranked) {
    const words = phrase.split(' ');
    if (words.length > 2 || words.some((w) => used.has(stem(w)))) continue;
    words.forEach((w) => used.add(stem(w)));
    tags.push(`#${words.map((w) => w[0].toUpperCase() + w.slice(1).replace(/'/g, '')).join('')}`);
    if (tags.length === 4) break;
  }
  return tags;
}

/**
 * The top phrase, or a phrase of several words close behind it (names say more than one word);
 * a lone word gets the next phrase that does not repeat it ("Printing and Books"). Null when the
 * clip has no content words at all (the caller uses its longest sentence then).
 */
function titleFrom(scored: [string, number][]): string | null {
  if (!scored.length) return null;
  const [[top, topValue]] = scored;
  const longer = scored.find(([p, v]) => p.includes(' ') && v >= 0.7 * topValue);
  if (longer) return titleCase(longer[0]);
  const second = scored.find(([p]) => !p.split(' ').some((w) => stem(w) === stem(top)));
  return titleCase(second ? `${top} and ${second[0]}` : top);
}

/** Maximal runs of content words inside a sentence (split at function words and punctuation). */
function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const token = normalizeToken(raw);
    const breaks = /[,.;:!?…]["'”’)]*$/.test(raw);
    if (token && isContentWord(token)) run.push(token);
    else if (run.length) [runs[runs.length], run] = [run, []];
    if (breaks && run.length) [runs[runs.length], run] = [run, []];
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Titles name things: a phrase that starts with an adverb or ends on a verb form ("thereby
 * beauties rose", "taking") is a weaker name than one of nouns ("fresh ornament").
 */
const nameLike = (words: string[]) =>
  !/(ly|ing|ed)$/.test(words[words.length - 1]) && !/^(there|here|where|when)\w+$/.test(words[0]);

/** The sentence with the most words: a title for a clip with no content words at all. */
const longest = (sentences: Sentence[]) =>
  sentences.reduce((a, b) => (b.words.length > a.words.length ? b : a), sentences[0])?.text ?? '';

const contentTokens = (text: string) => text.split(/\s+/).map(normalizeToken).filter(isContentWord);

const titleCase = (phrase: string) =>
  phrase
    .split(' ')
    .map((w) => (w === 'and' ? w : w[0].toUpperCase() + w.slice(1)))
    .join(' ');

function describe(text: string, maxChars = 140): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  return `${clean.slice(0, clean.lastIndexOf(' ', maxChars - 1))}…`;
}
