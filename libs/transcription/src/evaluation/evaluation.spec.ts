import { normalizeForWer } from './normalize-text';
import { numberToWords } from './number-words';
import { wordErrorRate } from './word-error-rate';

describe('normalizeForWer', () => {
  it('folds case, quotes and punctuation but keeps inner apostrophes', () => {
    expect(normalizeForWer('And so, my fellow Americans: ask not — what’s “yours”?')).toEqual([
      'and',
      'so',
      'my',
      'fellow',
      'americans',
      'ask',
      'not',
      "what's",
      'yours',
    ]);
  });

  it('spells numbers out so "25" and "twenty-five" agree', () => {
    expect(normalizeForWer('lag behind by 25 to 30 years')).toEqual(
      normalizeForWer('lag behind by twenty-five to thirty years'),
    );
    expect(normalizeForWer('1,000 people')).toEqual(['one', 'thousand', 'people']);
  });

  it('spells ordinals out so "15th" and "fifteenth" agree', () => {
    expect(normalizeForWer('in the 15th century')).toEqual(
      normalizeForWer('in the fifteenth century'),
    );
    expect(normalizeForWer('the 21st, 2nd, 3rd and 40th')).toEqual(
      normalizeForWer('the twenty-first, second, third and fortieth'),
    );
    // Letters after digits that are not an ordinal suffix stay apart.
    expect(normalizeForWer('Z3')).toEqual(['z', 'three']);
  });
});

describe('numberToWords', () => {
  it('covers teens, tens, hundreds and thousands', () => {
    expect(numberToWords(13)).toBe('thirteen');
    expect(numberToWords(40)).toBe('forty');
    expect(numberToWords(123)).toBe('one hundred twenty three');
    expect(numberToWords(2026)).toBe('two thousand twenty six');
  });
});

describe('wordErrorRate', () => {
  it('counts substitutions, deletions and insertions', () => {
    const r = wordErrorRate(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(r).toMatchObject({
      errors: 2,
      substitutions: 1,
      insertions: 1,
      deletions: 0,
      referenceWords: 4,
    });
    expect(r.wer).toBe(0.5);
    expect(wordErrorRate(['a', 'b'], []).deletions).toBe(2);
    expect(wordErrorRate([], []).wer).toBe(0);
  });
});
