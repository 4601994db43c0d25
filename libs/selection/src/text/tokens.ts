/** Lower-case word with surrounding punctuation removed ("Jack's," → "jack's"). */
export function normalizeToken(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export function tokensOf(text: string): string[] {
  return text.split(/\s+/).map(normalizeToken).filter(Boolean);
}

/** Function words: they carry no topic, so titles, hashtags and density skip them. */
export const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being " +
    "below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during " +
    "each even ever every few for from further get gets getting go goes going gonna got gotta had hadn't has " +
    "hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd " +
    "i'll i'm i've if in into is isn't it it's its itself just kind know let let's like lot made make many may " +
    'me might more most much must my myself no nor not now of off oh ok okay on once one only or other ought our ' +
    "ours ourselves out over own really right said same say says see shall she she'd she'll she's should " +
    "shouldn't so some something such sure take than that that's the their theirs them themselves then there " +
    "there's these they they'd they'll they're they've thing things think this those though through to too " +
    "um uh under until up upon us very want was wasn't way we we'd we'll we're we've well were weren't what " +
    "what's when when's where where's which while who who's whom why why's will with won't would wouldn't yeah " +
    "yes yet you you'd you'll you're you've your yours yourself yourselves actually basically gonna wanna " +
    'unto thee thou thy thine hath doth shall done anything everything nothing someone anyone ' +
    'maybe probably quite pretty stuff guess mean tell told come came went put give gave look looking ' +
    'talk talking saying alright cool sorry thank thanks please hello able bit little sounds sound ' +
    'still back got getting doing'
  ).split(' '),
);

export const isContentWord = (token: string): boolean =>
  token.length > 2 && !STOPWORDS.has(token) && !/^\d+$/.test(token);

/** Crude suffix folding, enough to match "printing"/"printed"/"prints" to one keyword. */
export function stem(token: string): string {
  return token
    .replace(/'s$/, '')
    .replace(/(ing|edly|ed|es|s|ly)$/, '')
    .replace(/(.)\1$/, '$1');
}
