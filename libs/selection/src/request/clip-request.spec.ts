import { prepareSentences } from '../select-highlights';
import type { TimedWord } from '../selection.types';
import { ClipRequestError, resolveClipRequest } from './clip-request';
import { close, findQuery } from './find-query';

function speak(sentences: string[]): TimedWord[] {
  const words: TimedWord[] = [];
  let t = 0;
  for (const s of sentences) {
    for (const text of s.split(' ')) {
      words.push({ text, start: t, end: t + 0.3, confidence: 0.9 });
      t += 0.4;
    }
    t += 0.6;
  }
  return words;
}

const text = [
  'The printing press arrived in Venice in 1469.',
  'Within thirty years the city had more than a hundred shops.',
  'Aldus Manutius invented the pocket book there.',
  'He also commissioned the first italic type.',
  'Readers could carry books for the first time.',
];
const words = speak(text);
const sentences = prepareSentences(words, 60);
const bounds = { minDuration: 6, maxDuration: 20, mediaDuration: 40 };

describe('findQuery', () => {
  it('finds the words as said, and despite a slip or a missing word', () => {
    expect(findQuery(words, 'invented the pocket book')).toMatchObject({ similarity: 1 });
    const slip = findQuery(words, 'Aldus Manutius invented the pockt book');
    expect(slip && words[slip.from].text).toBe('Aldus');
    expect(findQuery(words, 'commissioned first italic type')).not.toBeNull();
  });

  it('returns null for words never said', () => {
    expect(findQuery(words, 'rockets reach orbit quickly')).toBeNull();
    expect(findQuery(words, '  ')).toBeNull();
  });

  it('counts words one letter apart as the same only when long enough', () => {
    expect(close('colour', 'color')).toBe(true);
    expect(close('book', 'boot')).toBe(true);
    expect(close('cat', 'car')).toBe(false);
    expect(close('printing', 'planting')).toBe(false);
  });
});

describe('resolveClipRequest', () => {
  it('grows a query to minDuration a sentence at a time, on sentence bounds', () => {
    const r = resolveClipRequest(sentences, { query: 'pocket book' }, bounds);
    expect(r.first).toBeLessThanOrEqual(2);
    expect(r.last).toBeGreaterThanOrEqual(2);
    expect(r.end - r.start).toBeGreaterThanOrEqual(bounds.minDuration);
    expect(r.end - r.start).toBeLessThanOrEqual(bounds.maxDuration);
  });

  it('snaps a time range outward to whole sentences', () => {
    const mid = sentences[1].start + 1;
    const r = resolveClipRequest(sentences, { start: mid, end: sentences[2].start + 0.5 }, bounds);
    expect([r.first, r.last]).toEqual([1, 2]);
    expect(r.start).toBeLessThanOrEqual(sentences[1].start);
    expect(r.end).toBeGreaterThanOrEqual(sentences[2].end);
  });

  it('refuses what it cannot cut', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as ClipRequestError).code;
      }
      return null;
    };
    expect(code(() => resolveClipRequest(sentences, { query: 'rocket engines' }, bounds))).toBe(
      'QUERY_NOT_FOUND',
    );
    expect(code(() => resolveClipRequest(sentences, { start: 50, end: 60 }, bounds))).toBe(
      'OUT_OF_RANGE',
    );
    expect(code(() => resolveClipRequest(sentences, { start: 35, end: 39 }, bounds))).toBe(
      'NO_SPEECH',
    );
    expect(code(() => resolveClipRequest([], { query: 'x' }, bounds))).toBe('NO_SPEECH');
  });
});
