import { prepareSentences, selectHighlights } from './select-highlights';
import type { TimedWord } from './selection.types';

/** Builds words at 2.5 words/s from sentences; `gap` seconds of silence after each sentence. */
function speak(sentences: string[], gap = 0.4, confidence = 0.9, from = 0): TimedWord[] {
  const words: TimedWord[] = [];
  let t = from;
  for (const s of sentences) {
    for (const text of s.split(' ')) {
      words.push({ text, start: t, end: t + 0.35, confidence });
      t += 0.4;
    }
    t += gap;
  }
  return words;
}

/** One-hot-ish vectors: sentences about the same subject share an axis. */
const vectorsFor = (subjects: number[]) =>
  subjects.map((s, k) =>
    Array.from({ length: 6 }, (_, i) => (i === s ? 1 : 0.1 * Math.cos(k + i))),
  );

const options = { maxClips: 3, minDuration: 5, maxDuration: 12, mediaDuration: 1000 };

const cooking = [
  'Why does bread rise in a warm kitchen?',
  'Yeast eats the sugar in the dough and breathes out gas.',
  'The gas is trapped by gluten, so the loaf grows.',
  'That is why bakers knead dough for ten minutes.',
];
const rockets = [
  'What does it take to reach orbit?',
  'A rocket must fly sideways at almost eight kilometres a second.',
  'Most of its mass is fuel burned in the first minutes.',
  'Engineers call this the tyranny of the rocket equation.',
];

describe('selectHighlights', () => {
  it('returns non-overlapping clips within the duration bounds, on sentence boundaries', () => {
    const text = [...cooking, ...rockets, ...cooking, ...rockets];
    const sentences = prepareSentences(speak(text), options.maxDuration);
    const { highlights } = selectHighlights(
      { sentences, vectors: vectorsFor(text.map((_, i) => Math.floor(i / 4))) },
      options,
    );
    expect(highlights.length).toBe(3);
    for (const c of highlights) {
      expect(c.end - c.start).toBeGreaterThanOrEqual(options.minDuration);
      expect(c.end - c.start).toBeLessThanOrEqual(options.maxDuration);
      expect(/[.?!]$/.test(c.words[c.words.length - 1].text)).toBe(true);
      expect(sentences.some((s) => s.words[0] === c.words[0])).toBe(true);
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(100);
      const sum = c.features.reduce((a, f) => a + f.contribution, 0);
      expect(Math.abs(sum - c.score)).toBeLessThan(0.2);
      expect(c.features.every((f) => f.reason.length > 0)).toBe(true);
    }
    const sorted = [...highlights].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
  });

  it('spreads clips over topics', () => {
    const text = [...cooking, ...rockets];
    const sentences = prepareSentences(speak(text, 0.6), options.maxDuration);
    const { highlights } = selectHighlights(
      { sentences, vectors: vectorsFor([0, 0, 0, 0, 1, 1, 1, 1]) },
      { ...options, maxClips: 2 },
    );
    const about = highlights.map((h) =>
      h.text.includes('rocket') || h.text.includes('orbit') ? 'rockets' : 'cooking',
    );
    expect(new Set(about).size).toBe(2);
  });

  it('boosts clips about the keywords', () => {
    const text = [...cooking, ...rockets];
    const sentences = prepareSentences(speak(text, 0.6), options.maxDuration);
    const vectors = vectorsFor([0, 0, 0, 0, 1, 1, 1, 1]);
    const [best] = selectHighlights(
      { sentences, vectors },
      { ...options, maxClips: 1, keywords: ['rocket'] },
    ).highlights;
    expect(best.text).toContain('rocket');
    expect(best.features.find((f) => f.name === 'keywords')?.reason).toContain('rocket');
  });

  it('returns the speech it has when it is all shorter than minDuration', () => {
    const sentences = prepareSentences(speak(['Short and sweet.']), options.maxDuration);
    const { highlights } = selectHighlights({ sentences, vectors: vectorsFor([0]) }, options);
    expect(highlights).toHaveLength(1);
    expect(highlights[0].text).toBe('Short and sweet.');
  });

  it('never exceeds maxDuration, even for one long unpunctuated run', () => {
    const lyrics = speak([Array.from({ length: 60 }, (_, i) => `la${i}`).join(' ')]);
    const sentences = prepareSentences(lyrics, options.maxDuration);
    const { highlights } = selectHighlights(
      { sentences, vectors: vectorsFor(sentences.map(() => 0)) },
      options,
    );
    expect(highlights.length).toBeGreaterThan(0);
    for (const c of highlights) expect(c.end - c.start).toBeLessThanOrEqual(options.maxDuration);
  });

  it('returns nothing for no speech', () => {
    expect(selectHighlights({ sentences: [], vectors: [] }, options).highlights).toEqual([]);
  });
});
