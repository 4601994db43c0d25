import { insertSegments, planGapPieces, unheardSpeech, wordsInGaps } from './unheard-speech';

const seg = (text: string, start: number, step = 0.4) => {
  const words = text.split(' ').map((t, i) => ({
    text: t,
    start: start + i * step,
    end: start + i * step + 0.3,
    confidence: 0.9,
  }));
  return { start, end: words[words.length - 1].end, text, words };
};

describe('unheardSpeech', () => {
  it('finds speech Whisper wrote nothing for: a short turn after a long one', () => {
    // Speech 0–10 s; words cover 0–4.7 and 8–9.5: 5.1–7.6 was skipped.
    const gaps = unheardSpeech(
      [{ start: 0, end: 10 }],
      [seg('a b c d e f g h i j k l', 0), seg('m n o p', 8)],
    );
    expect(gaps).toHaveLength(1);
    expect(gaps[0].start).toBeCloseTo(5.1);
    expect(gaps[0].end).toBeCloseTo(7.6);
  });

  it('ignores breaths and the edges of words', () => {
    expect(unheardSpeech([{ start: 0, end: 5 }], [seg('a b c d e f g h i j k', 0.2)])).toEqual([]);
    expect(unheardSpeech([{ start: 10, end: 10.6 }], [])).toEqual([]);
  });

  it('joins regions the VAD split at a short pause', () => {
    const gaps = unheardSpeech(
      [
        { start: 20, end: 20.7 },
        { start: 20.9, end: 21.5 },
      ],
      [],
    );
    expect(gaps).toEqual([{ start: 20, end: 21.5 }]);
  });
});

describe('insertSegments', () => {
  it('puts recovered words in time order, splitting a segment that spans them', () => {
    const host = seg('I wonder how many', 0);
    host.words.push({ text: 'okay', start: 6, end: 6.3, confidence: 0.9 });
    const out = insertSegments([host], [seg('yeah exactly', 3)]);
    const words = out.flatMap((s) => s.words);
    expect(words.map((w) => w.text).join(' ')).toBe('I wonder how many yeah exactly okay');
    for (let i = 1; i < words.length; i++)
      expect(words[i].start).toBeGreaterThanOrEqual(words[i - 1].start);
    expect(out).toHaveLength(3);
  });
});

describe('planGapPieces and wordsInGaps', () => {
  it('decodes every gap in one input and puts its words back in place', () => {
    const gaps = [
      { start: 10, end: 12 },
      { start: 14, end: 15 },
      { start: 100, end: 101.5 },
    ];
    const pieces = planGapPieces(gaps, 200, 3, 1);
    // The first two gaps share their context: one piece 7–18, then 97–104.5 after 1 s of silence.
    expect(pieces.map((p) => [p.start, p.end, p.joinedStart])).toEqual([
      [7, 18, 0],
      [97, 104.5, 12],
    ]);
    // Joined-time words: context before the gap (dropped), in gap 1, in gap 3, in the silence.
    const decoded = [seg('before', 1), seg('who wants', 3.5), seg('okay', 15.3), seg('um', 11.5)];
    const words = wordsInGaps(decoded, pieces).flatMap((s) => s.words);
    expect(words.map((w) => [w.text, Number(w.start.toFixed(2))])).toEqual([
      ['who', 10.5],
      ['wants', 10.9],
      ['okay', 100.3],
    ]);
    expect(words.filter((w) => w.text === 'okay')).toHaveLength(1);
  });

  it('keeps a gap at the start of the recording inside it', () => {
    expect(planGapPieces([{ start: 1, end: 2 }], 30, 3, 1)[0]).toMatchObject({ start: 0, end: 5 });
  });
});
