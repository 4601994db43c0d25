import { parseGridAlign, parseLrs2Timings, parseStmSegmentStarts } from './reference-timings';
import { alignWords, percentile, wordTimingErrors } from './word-alignment';

describe('alignWords', () => {
  it('pairs identical words across insertions, deletions and substitutions', () => {
    expect(alignWords(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
    ]);
    expect(alignWords(['a', 'b'], ['b'])).toEqual([[1, 0]]);
  });
});

describe('wordTimingErrors', () => {
  it('measures start errors on matched words only, ignoring case and punctuation', () => {
    const errors = wordTimingErrors(
      [
        { text: "IT'S", start: 0.09 },
        { text: 'A', start: 0.26 },
        { text: 'BIT', start: 0.3 },
      ],
      [
        { text: "It's", start: 0.1 },
        { text: 'the', start: 0.2 },
        { text: 'bit,', start: 0.35 },
      ],
    );
    expect(errors.matched).toBe(2);
    expect(errors.startErrors[0]).toBeCloseTo(0.01);
    expect(errors.startErrors[1]).toBeCloseTo(0.05);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});

describe('reference timing parsers', () => {
  it('reads LRS2, GRID and STM files', () => {
    expect(
      parseLrs2Timings(
        "Text: X\nConf: 4\n\nWORD START END ASDSCORE\nIT'S 0.09 0.26 6.4\nA 0.26 0.30 9.4\n",
      ),
    ).toEqual([
      { text: "IT'S", start: 0.09, end: 0.26 },
      { text: 'A', start: 0.26, end: 0.3 },
    ]);
    expect(parseGridAlign('0 12250 sil\n12250 19250 set\n')).toEqual([
      { text: 'set', start: 0.49, end: 0.77 },
    ]);
    expect(parseStmSegmentStarts('sample 1 Diane 6.68 7.16 Hello?\n')).toEqual([
      { text: 'Hello?', start: 6.68, end: 7.16 },
    ]);
  });

  it('scores only the timed words of an STM, matched in the context of the whole text', () => {
    const reference = parseStmSegmentStarts(
      'sample 1 A 1.0 2.0 oh I see\nsample 1 B 2.5 3.0 oh no\n',
    );
    // Without the untimed words, the second "oh" would be paired with the first one heard.
    const hypothesis = [
      { text: 'Oh,', start: 1.05 },
      { text: 'I', start: 1.3 },
      { text: 'see.', start: 1.5 },
      { text: 'Oh', start: 2.6 },
      { text: 'no.', start: 2.8 },
    ];
    const e = wordTimingErrors(reference, hypothesis);
    expect(e.referenceWords).toBe(2);
    expect(e.matched).toBe(2);
    expect(e.startErrors.map((x) => Math.round(x * 1000))).toEqual([50, 100]);
  });
});
