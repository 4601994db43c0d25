import { numberToWords, ordinalToWords } from '../evaluation/number-words';

/** "305" → "three zero five": digits read one by one. */
const digitByDigit = (digits: string) => [...digits].map((d) => numberToWords(Number(d))).join(' ');

/** "1990" → "nineteen ninety", "3.5" → "three point five", "21st" → "twenty first". */
function spellDigits(token: string): string {
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(token);
  if (ordinal) return ordinalToWords(Number(ordinal[1]));
  if (/^\d+\.\d+$/.test(token)) {
    const [whole, frac] = token.split('.');
    return `${numberToWords(Number(whole))} point ${digitByDigit(frac)}`;
  }
  const n = Number(token);
  if (/^\d{4}$/.test(token) && ((n >= 1100 && n <= 1999) || (n >= 2010 && n <= 2099))) {
    const lo = n % 100;
    const tail = lo === 0 ? 'hundred' : `${lo < 10 ? 'oh ' : ''}${numberToWords(lo)}`;
    return `${numberToWords(Math.floor(n / 100))} ${tail}`;
  }
  const spelled = numberToWords(n);
  return /^\d+$/.test(spelled) ? digitByDigit(token) : spelled;
}

/**
 * The dictionary-style tokens the aligner pronounces for one recognised word: lower case, no
 * punctuation or accents, numbers, currency and percentages spelled out, acronyms as letters.
 */
export function alignmentTokens(word: string): string[] {
  let text = word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'");
  if (/^[a-z](\.[a-z])+\.?$/.test(text)) return text.split('.').filter(Boolean);
  const dollars = text.includes('$');
  text = text.replace(/%/g, ' percent').replace(/&/g, ' and ').replace(/\+/g, ' plus ');
  const out: string[] = [];
  for (const raw of text.split(/[\s\-/]+/)) {
    const part = raw
      .replace(/(?<=\d),(?=\d)/g, '')
      .replace(/[^a-z0-9'.]/g, '')
      .replace(/^['.]+|['.]+$/g, '');
    if (!part) continue;
    if (/\d/.test(part))
      for (const piece of part.match(/\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+/g) ?? [])
        out.push(/\d/.test(piece) ? spellDigits(piece) : piece);
    else out.push(part.replace(/\./g, ''));
  }
  if (dollars) out.push('dollars');
  return out.join(' ').split(' ').filter(Boolean);
}
