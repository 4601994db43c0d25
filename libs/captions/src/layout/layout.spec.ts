import { breakLines } from './break-lines';
import { paginate } from './paginate';

const LIMITS = { maxWords: 6, maxSec: 1.5, maxLines: 2, widthShare: 0.8, pauseBreakSec: 0.5 };

describe('breakLines', () => {
  it('keeps words on one line when they fit', () => {
    expect(breakLines([100, 100, 100], 10, 400, 2)).toEqual([3]);
  });

  it('balances two lines by width, never splitting a word', () => {
    // One line would be 420 + 30 wide; the most even split is 2 + 2 (220 / 210).
    expect(breakLines([100, 110, 100, 100], 10, 300, 2)).toEqual([2, 2]);
    expect(breakLines([250, 20, 20, 20], 10, 300, 2)).toEqual([1, 3]);
  });

  it('returns null when the words need more lines than allowed', () => {
    expect(breakLines([200, 200, 200], 10, 300, 2)).toBeNull();
  });

  it('lets a word wider than a line stand alone only with allowOverflow', () => {
    expect(breakLines([500], 10, 300, 1)).toBeNull();
    expect(breakLines([500], 10, 300, 1, true)).toEqual([1]);
  });

  it('keeps room for the popping word to grow', () => {
    expect(breakLines([140, 140], 10, 300, 1)).toEqual([2]);
    expect(breakLines([140, 140], 10, 300, 1, false, 0.2)).toBeNull();
  });
});

describe('paginate', () => {
  const w = (text: string, start: number, end: number) => ({ text, start, end });
  const measure = (words: { text: string }[], maxWidth = 1000) => ({
    width: (i: number) => words[i].text.length * 20,
    space: 10,
    maxWidth,
    growth: 0,
  });

  it('starts a page at a clause end, a pause, or the word or time limit', () => {
    const words = [
      w('Hello', 0, 0.3),
      w('world.', 0.3, 0.6),
      w('This', 0.7, 0.9),
      w('is', 0.9, 1.0),
      w('after', 1.8, 2.0),
      w('a', 2.0, 2.1),
      w('pause', 2.1, 2.4),
    ];
    const pages = paginate(words, LIMITS, measure(words));
    expect(pages.map((p) => [p.first, p.lines])).toEqual([
      [0, [2]],
      [2, [2]],
      [4, [3]],
    ]);
  });

  it('breaks by measured width into two lines, then a new page', () => {
    const words = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd'].map((t, i) =>
      w(t, i * 0.2, i * 0.2 + 0.2),
    );
    // 200 px a word, 300 px a line: one word a line, two lines a page.
    const pages = paginate(words, LIMITS, measure(words, 300));
    expect(pages.map((p) => p.lines)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('holds a page until the next one when the gap is short, lingers after a long pause', () => {
    const words = [w('One.', 0, 0.5), w('Two.', 0.8, 1.2), w('Three', 4, 4.5)];
    const pages = paginate(words, LIMITS, measure(words));
    expect(pages[0].end).toBe(0.8);
    expect(pages[1].end).toBeCloseTo(1.5);
    expect(pages[2].end).toBeCloseTo(4.8);
  });
});
