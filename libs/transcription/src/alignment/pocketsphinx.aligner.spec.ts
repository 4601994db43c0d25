import { splitByDuration } from './pocketsphinx.aligner';

describe('splitByDuration', () => {
  const w = (start: number, end: number) => ({ start, end, words: ['x'] });

  it('shares consecutive windows between processes by audio length, in order', () => {
    const windows = [w(0, 30), w(30, 60), w(60, 70), w(70, 100), w(100, 120)];
    const groups = splitByDuration(windows, 2);
    expect(groups).toHaveLength(2);
    expect(groups.flat()).toEqual(windows);
    const sec = (g: typeof windows) => g.reduce((s, x) => s + x.end - x.start, 0);
    expect(Math.abs(sec(groups[0]) - sec(groups[1]))).toBeLessThanOrEqual(30);
  });

  it('keeps one group when one process is asked for or there is one window', () => {
    expect(splitByDuration([w(0, 30), w(30, 60)], 1)).toHaveLength(1);
    expect(splitByDuration([w(0, 300)], 2)).toHaveLength(1);
  });
});
