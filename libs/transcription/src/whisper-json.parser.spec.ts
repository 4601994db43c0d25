import { dropNonSpeech, parseWhisperJson, wordsFromTokens } from './whisper-json.parser';

const tok = (text: string, from: number, to: number, p = 0.9) => ({
  text,
  offsets: { from, to },
  p,
});

describe('wordsFromTokens', () => {
  it('joins sub-word tokens and punctuation onto the word they belong to', () => {
    const words = wordsFromTokens([
      tok('[_BEG_]', 0, 0),
      tok(' And', 320, 400, 0.6),
      tok(' fell', 400, 600, 0.8),
      tok('ow', 600, 900, 1.0),
      tok(',', 900, 910, 1.0),
      tok(' Americans', 1000, 1500),
      tok('[_TT_550]', 1500, 1500),
    ]);
    expect(words.map((w) => w.text)).toEqual(['And', 'fellow,', 'Americans']);
    expect(words[1]).toMatchObject({ start: 0.4, end: 0.91 });
    expect(words[1].confidence).toBeCloseTo(0.9333, 3);
  });

  it('ignores tokens that are broken UTF-8 fragments', () => {
    expect(
      wordsFromTokens([tok(' ok', 0, 100), tok('\uFFFD', 100, 200)]).map((w) => w.text),
    ).toEqual(['ok']);
  });
});

describe('parseWhisperJson', () => {
  it('returns segments with words and the detected language, dropping empty segments', () => {
    const raw = JSON.stringify({
      result: { language: 'en' },
      transcription: [
        {
          offsets: { from: 0, to: 2000 },
          text: ' Hello there.',
          tokens: [tok(' Hello', 0, 800), tok(' there', 800, 1500), tok('.', 1500, 1600)],
        },
        { offsets: { from: 2000, to: 3000 }, text: '', tokens: [tok('[_BEG_]', 2000, 2000)] },
      ],
    });
    const t = parseWhisperJson(raw, { engine: 'whisper.cpp', model: 'base', durationSec: 3 });
    expect(t.language).toBe('en');
    expect(t.segments).toHaveLength(1);
    expect(t.segments[0].words.map((w) => w.text)).toEqual(['Hello', 'there.']);
  });
});

describe('dropNonSpeech', () => {
  it('removes bracketed sound annotations and music symbols, keeping speech', () => {
    const words = [
      '(upbeat',
      'music)',
      '♪',
      'They',
      'say',
      '[Applause]',
      'oh♪',
      '(laughs)',
      'yes.',
    ].map((text) => ({ text }));
    expect(dropNonSpeech(words).map((w) => w.text)).toEqual(['They', 'say', 'oh', 'yes.']);
  });
});

describe('word timing from DTW', () => {
  const dtwTok = (text: string, from: number, to: number, tDtw: number) => ({
    text,
    offsets: { from, to },
    p: 0.9,
    t_dtw: tDtw,
  });

  it('takes word starts from DTW (centiseconds) with the calibration shift, keeping order and ends sane', () => {
    const words = wordsFromTokens(
      [
        dtwTok(' And', 320, 400, 52),
        dtwTok(' so', 400, 520, 88),
        dtwTok(' fell', 940, 1200, 158),
        dtwTok('ow', 1200, 1750, 170),
        dtwTok(' Americans', 1750, 2110, 150),
      ],
      { useDtw: true, dtwShiftSec: -0.1 },
    );
    expect(words.map((w) => w.text)).toEqual(['And', 'so', 'fellow', 'Americans']);
    expect(words[0].start).toBeCloseTo(0.42);
    expect(words[2].start).toBeCloseTo(1.48);
    // DTW can step backwards; starts are kept monotonic and each word ends before the next starts.
    expect(words[3].start).toBeCloseTo(1.48);
    for (let i = 0; i < words.length - 1; i++)
      expect(words[i].end).toBeLessThanOrEqual(Math.max(words[i + 1].start, words[i].start + 0.02));
  });

  it('falls back to token timestamps where DTW gave none', () => {
    const [w] = wordsFromTokens([dtwTok(' Hi', 300, 500, -1)], { useDtw: true, dtwShiftSec: -0.1 });
    expect(w).toMatchObject({ start: 0.3, end: 0.5 });
  });
});
