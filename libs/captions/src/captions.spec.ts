import { groupCues, wordsForClip } from './group-cues';
import { toSrt, toVtt } from './subtitle-writers';

const w = (text: string, start: number, end: number) => ({ text, start, end });

describe('groupCues', () => {
  it('keeps a few words per cue and breaks at punctuation and pauses', () => {
    const cues = groupCues([
      w('And', 0, 0.2),
      w('so,', 0.2, 0.5),
      w('my', 0.6, 0.8),
      w('fellow', 0.8, 1.1),
      w('Americans', 1.1, 1.6),
      w('ask', 3.0, 3.3),
      w('not', 3.3, 3.5),
      w('what', 3.5, 3.7),
      w('your', 3.7, 3.9),
      w('country', 3.9, 4.3),
    ]);
    expect(cues.map((c) => c.text)).toEqual([
      'And so,',
      'my fellow Americans',
      'ask not what your',
      'country',
    ]);
    for (const c of cues) expect(c.words.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < cues.length; i++)
      expect(cues[i].start).toBeGreaterThanOrEqual(cues[i - 1].end);
  });
});

describe('wordsForClip', () => {
  it('shifts words to the clip timeline and drops words outside it', () => {
    expect(wordsForClip([w('a', 1, 2), w('b', 10, 11), w('c', 12, 13)], 9.5, 12)).toEqual([
      w('b', 0.5, 1.5),
    ]);
  });
});

describe('subtitle writers', () => {
  const cues = groupCues([w('Hello', 0, 0.5), w('world.', 0.5, 1.234), w('Next', 61, 62)]);

  it('writes SRT with comma milliseconds and 1-based numbering', () => {
    expect(toSrt(cues)).toBe(
      '1\n00:00:00,000 --> 00:00:01,234\nHello world.\n\n2\n00:01:01,000 --> 00:01:02,000\nNext\n',
    );
  });

  it('writes WebVTT with a header and dot milliseconds', () => {
    expect(toVtt(cues)).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.234\nHello world\.\n/);
  });
});
