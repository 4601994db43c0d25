import { numberToWords, ordinalToWords } from './number-words';

/**
 * The normaliser behind every WER clipgen reports, applied identically to reference and
 * hypothesis: Unicode-fold quotes, lower-case, spell out digit runs ("25" → "twenty five",
 * "1,000" → "one thousand", "15th" → "fifteenth"), turn hyphens and slashes into spaces, and drop
 * all other punctuation except apostrophes inside words.
 */
export function normalizeForWer(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ`´]/g, "'")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(
      /\b(\d+)(st|nd|rd|th)\b/g,
      (_, digits: string) => ` ${ordinalToWords(Number(digits))} `,
    )
    .replace(/\d+/g, (digits) => ` ${numberToWords(Number(digits))} `)
    .replace(/[-–—/]/g, ' ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}
