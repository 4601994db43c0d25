import { alignmentTokens } from './alignment-tokens';

describe('alignmentTokens', () => {
  it.each([
    ['Hello,', ['hello']],
    ["didn't", ["didn't"]],
    ['1990', ['nineteen', 'ninety']],
    ['2005', ['two', 'thousand', 'five']],
    ['3.5%', ['three', 'point', 'five', 'percent']],
    ['21st', ['twenty', 'first']],
    ['$5', ['five', 'dollars']],
    ['1,000', ['one', 'thousand']],
    ['U.S.', ['u', 's']],
    ['well-known', ['well', 'known']],
    ["Sheila's", ["sheila's"]],
    ['café', ['cafe']],
    ['Z3', ['z', 'three']],
    ['1000000005', ['one', 'zero', 'zero', 'zero', 'zero', 'zero', 'zero', 'zero', 'zero', 'five']],
    ['-', []],
  ])('%s → %j', (word, tokens) => {
    expect(alignmentTokens(word)).toEqual(tokens);
  });
});
