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
