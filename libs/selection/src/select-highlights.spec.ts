import { selectHighlights, titleOf } from './select-highlights';
import { splitSentences } from './split-sentences';
import type { TimedWord } from './selection.types';

/** Builds words at 2.5 words/s from sentences; `gap` seconds of silence after each sentence. */
function speak(sentences: string[], gap = 0.4, confidence = 0.9): TimedWord[] {
  const words: TimedWord[] = [];
  let t = 0;
  for (const s of sentences) {
    for (const text of s.split(' ')) {
      words.push({ text, start: t, end: t + 0.35, confidence });
      t += 0.4;
    }
    t += gap;
  }
  return words;
}

const options = { maxClips: 3, minDuration: 5, maxDuration: 12, mediaDuration: 1000 };

describe('splitSentences', () => {
  it('ends sentences at terminal punctuation and at long pauses', () => {
    const words = speak(['One two three.', 'Four five six?']);
    words.push({ text: 'seven', start: 20, end: 20.3, confidence: 1 });
    const sentences = splitSentences(words);
    expect(sentences.map((s) => s.text)).toEqual(['One two three.', 'Four five six?', 'seven']);
    expect(sentences.map((s) => s.complete)).toEqual([true, true, false]);
  });
});

describe('selectHighlights', () => {
  const text = Array.from(
    { length: 12 },
    (_, i) => `Sentence number ${i} has exactly seven words here.`,
  );

  it('returns non-overlapping clips within the duration bounds, on sentence boundaries', () => {
    const words = speak(text);
    const clips = selectHighlights(words, options);
    expect(clips.length).toBe(3);
    for (const c of clips) {
      const spoken = c.words[c.words.length - 1].end - c.words[0].start;
      expect(spoken).toBeGreaterThanOrEqual(options.minDuration);
      expect(spoken).toBeLessThanOrEqual(options.maxDuration);
      expect(c.words[c.words.length - 1].text.endsWith('.')).toBe(true);
      expect(c.words[0].text).toBe('Sentence');
    }
    const sorted = [...clips].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
  });

  it('prefers dense, confident speech over hesitant speech', () => {
    const hesitant = speak(text.slice(0, 4), 2.0, 0.4);
    const offset = hesitant[hesitant.length - 1].end + 3;
    const fluent = speak(text.slice(4, 8), 0.3, 0.95).map((w) => ({
      ...w,
      start: w.start + offset,
      end: w.end + offset,
    }));
    const [best] = selectHighlights([...hesitant, ...fluent], { ...options, maxClips: 1 });
    expect(best.start).toBeGreaterThanOrEqual(offset - 0.2);
  });

  it('returns the speech it has when it is all shorter than minDuration', () => {
    const clips = selectHighlights(speak(['Short and sweet.']), options);
    expect(clips).toHaveLength(1);
    expect(clips[0].text).toBe('Short and sweet.');
  });

  it('never exceeds maxDuration, even for one long unpunctuated run', () => {
    const lyrics = speak([Array.from({ length: 60 }, (_, i) => `la${i}`).join(' ')]);
    const clips = selectHighlights(lyrics, options);
    expect(clips.length).toBeGreaterThan(0);
    for (const c of clips)
      expect(c.words[c.words.length - 1].end - c.words[0].start).toBeLessThanOrEqual(
        options.maxDuration,
      );
  });

  it('returns nothing for no speech', () => {
    expect(selectHighlights([], options)).toEqual([]);
  });
});

describe('titleOf', () => {
  it('keeps the first words and trims trailing punctuation', () => {
    expect(titleOf('Hello world.')).toBe('Hello world');
    expect(titleOf('a b c d e f g h i j')).toBe('a b c d e f g h…');
  });
});
