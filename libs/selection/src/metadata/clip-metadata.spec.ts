import { sentenceOf } from '../sentences/split-sentences';
import { clipMetadata, documentFrequencies } from './clip-metadata';

const s = (text: string) =>
  sentenceOf(
    text.split(' ').map((t, i) => ({ text: t, start: i, end: i + 0.5, confidence: 1 })),
    true,
  );

describe('clipMetadata', () => {
  const transcript = [
    s('We talked about the weather for a while.'),
    s('Then the conversation turned to movable type.'),
    s('Movable type let a printer reuse every letter.'),
    s('Gutenberg cast his movable type in metal.'),
    s('The weather was fine that day.'),
  ];
  const df = documentFrequencies(transcript);

  it('titles a clip by its key phrase, not its first words', () => {
    const meta = clipMetadata(transcript.slice(1, 4), df, transcript.length, 1);
    expect(meta.title).toBe('Movable Type');
    expect(meta.description).toBe('Movable type let a printer reuse every letter.');
  });

  it('makes up to four hashtags, no word twice', () => {
    const { hashtags } = clipMetadata(transcript.slice(1, 4), df, transcript.length, 2);
    expect(hashtags.length).toBeGreaterThanOrEqual(3);
    expect(hashtags.length).toBeLessThanOrEqual(4);
    expect(hashtags[0]).toBe('#MovableType');
    expect(hashtags.every((h) => /^#[A-Z][A-Za-z0-9]*$/.test(h))).toBe(true);
  });

  it('falls back to the longest sentence when the clip has no content words', () => {
    const chatter = [s('Yeah.'), s('Okay, sure.')];
    const meta = clipMetadata(chatter, documentFrequencies(chatter), 2, 0);
    expect(meta.title).toBe('Okay, sure.');
    expect(meta.hashtags).toEqual([]);
  });
});
