import { EMOJI_BY_WORD } from './emoji-map';

/** Lower case, letters and digits only, a plural or possessive `s` dropped: "Startups'" → "startup". */
export function wordKey(text: string): string {
  const bare = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return bare.length > 3 && /[^s]s$/.test(bare) ? bare.slice(0, -1) : bare;
}

/** Words too common to emphasise even when a key phrase holds them. */
const PLAIN = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the this to was were with you your we our i my'.split(
    ' ',
  ),
);

/** The keys of the content words of a clip's key terms (its title and hashtags). */
export function keyTermSet(terms: string[]): Set<string> {
  const keys = terms
    .flatMap((t) => t.replace(/^#/, '').split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/))
    .map(wordKey)
    .filter((k) => k.length > 2 && !PLAIN.has(k));
  return new Set(keys);
}

export const isKeyTerm = (text: string, keys: Set<string>) => keys.has(wordKey(text));

/** The emoji the local map gives a word, if any. */
export const emojiFor = (text: string): string | undefined => EMOJI_BY_WORD[wordKey(text)];
