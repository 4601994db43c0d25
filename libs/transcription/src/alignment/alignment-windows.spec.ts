import type { TranscriptSegment } from '../transcript.types';
import { applyAlignment, planAlignmentWindows } from './alignment-windows';

const seg = (start: number, end: number, words: [string, number, number][]): TranscriptSegment => ({
  start,
  end,
  text: words.map((w) => w[0]).join(' '),
  words: words.map(([text, s, e]) => ({ text, start: s, end: e, confidence: 0.9 })),
});

const segments = [
  seg(0.5, 3, [
    ['Hello', 0.6, 1],
    ['there.', 1.1, 2.8],
  ]),
  seg(3, 6, [['Fine.', 3.4, 5.5]]),
  seg(40, 44, [
    ['Much', 40.2, 41],
    ['later.', 41.2, 43.5],
  ]),
];

describe('planAlignmentWindows', () => {
  it('groups segments up to the window limit and pads the outer edges', () => {
    const windows = planAlignmentWindows(segments, { durationSec: 44.2, maxWindowSec: 30 });
    expect(windows.map((w) => [w.first, w.last])).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(windows[0]).toMatchObject({ start: 0, words: ['Hello', 'there.', 'Fine.'] });
    expect(windows[0].end).toBeCloseTo(7);
    expect(windows[1].start).toBeCloseTo(39);
    // Clamped to the end of the audio.
    expect(windows[1].end).toBeCloseTo(44.2);
  });

  it('lets neighbouring windows meet in the middle of the gap, with a small overlap', () => {
    const windows = planAlignmentWindows(segments.slice(0, 2), {
      durationSec: 10,
      maxWindowSec: 0,
      padSec: 1,
    });
    expect(windows.map((w) => [w.first, w.last])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // Segment 0 ends at 3 and segment 1 starts at 3: the boundary is 3 ± 0.1.
    expect(windows[0].end).toBeCloseTo(3.1);
    expect(windows[1].start).toBeCloseTo(2.9);
    // A window always covers its own segments.
    expect(windows[0].start).toBeLessThanOrEqual(0.5);
    expect(windows[1].end).toBeGreaterThanOrEqual(6);
  });

  it('never plans an empty or negative window', () => {
    expect(planAlignmentWindows([], { durationSec: 5 })).toEqual([]);
    const [w] = planAlignmentWindows([seg(0, 1, [['Hi', 0, 0.4]])], { durationSec: 1 });
    expect(w.start).toBe(0);
    expect(w.end).toBe(1);
  });
});

describe('applyAlignment', () => {
  const windows = planAlignmentWindows(segments, { durationSec: 45 });

  it('takes aligned times, keeps the engine’s where a window failed, and reports the count', () => {
    const { segments: out, alignedWords } = applyAlignment(segments, windows, [
      [
        { start: 0.7, end: 0.95 },
        { start: 1.0, end: 1.4 },
        { start: 3.5, end: 3.9 },
      ],
      null,
    ]);
    expect(alignedWords).toBe(3);
    expect(out[0].words.map((w) => [w.start, w.end])).toEqual([
      [0.7, 0.95],
      [1.0, 1.4],
    ]);
    expect(out[0]).toMatchObject({ start: 0.7, end: 1.4 });
    expect(out[1].words[0]).toMatchObject({ start: 3.5, end: 3.9 });
    expect(out[2].words.map((w) => w.start)).toEqual([40.2, 41.2]);
    // The input is not modified.
    expect(segments[0].words[0].start).toBe(0.6);
  });

  it('distrusts an aligned time far from the engine’s and keeps word order', () => {
    const { segments: out, alignedWords } = applyAlignment(
      segments.slice(0, 2),
      planAlignmentWindows(segments.slice(0, 2), { durationSec: 10 }),
      [
        [
          { start: 0.65, end: 1.2 },
          { start: 4.9, end: 5.0 }, // 3.8 s from the engine's 1.1 s: a mismatch, not a timing
          null, // nothing pronounceable
        ],
      ],
    );
    expect(alignedWords).toBe(1);
    const words = out.flatMap((s) => s.words);
    expect(words.map((w) => w.start)).toEqual([0.65, 1.1, 3.4]);
    for (let i = 1; i < words.length; i++)
      expect(words[i].start).toBeGreaterThanOrEqual(words[i - 1].end - 1e-9);
  });

  it('ignores a result whose length does not match its window', () => {
    const { alignedWords } = applyAlignment(segments, windows, [[{ start: 1, end: 2 }], null]);
    expect(alignedWords).toBe(0);
  });
});
