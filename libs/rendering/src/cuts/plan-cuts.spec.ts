import { fillerSpans, planCuts } from './plan-cuts';

const w = (text: string, start: number, end: number) => ({ text, start, end });

describe('fillerSpans', () => {
  it('always takes hesitations, and like / you know only when set off by pauses or commas', () => {
    const words = [
      w('Um,', 0, 0.3),
      w('I', 0.4, 0.5),
      w('like', 0.5, 0.7),
      w('it.', 0.7, 0.9),
      w('It', 1.0, 1.1),
      w('was,', 1.1, 1.3),
      w('like,', 1.4, 1.6),
      w('huge,', 1.7, 2.0),
      w('you', 2.1, 2.2),
      w('know,', 2.2, 2.4),
      w('do', 2.5, 2.6),
      w('you', 2.6, 2.7),
      w('know', 2.7, 2.8),
      w('him?', 2.8, 3.0),
    ];
    expect(fillerSpans(words)).toEqual([
      { start: 0, end: 0.3 },
      { start: 1.4, end: 1.6 },
      { start: 2.1, end: 2.4 },
    ]);
  });
});

describe('planCuts', () => {
  const words = [w('Hello', 0, 0.5), w('uh', 0.6, 0.9), w('world', 1.0, 1.5), w('again', 3.5, 4.0)];

  it('keeps the clip whole when nothing is asked', () => {
    const plan = planCuts(words, 4.2, {
      removeFillers: false,
      removeSilences: false,
      silenceThreshold: 1,
    });
    expect(plan.keep).toEqual([{ start: 0, end: 4.2 }]);
    expect(plan.removedSec).toBeCloseTo(0);
  });

  it('cuts fillers and long pauses, shortening the clip by what it removes', () => {
    const plan = planCuts(words, 4.2, {
      removeFillers: true,
      removeSilences: true,
      silenceThreshold: 1,
    });
    // "uh" (0.3 s) and the 2 s pause less 0.12 s of breath on each side (1.76 s).
    expect(plan.removedSec).toBeCloseTo(0.3 + 1.76, 5);
    expect(plan.keep).toHaveLength(3);
    expect(plan.words.map((x) => x.text)).toEqual(['Hello', 'world', 'again']);
  });

  it('moves the words onto the cut timeline, in sync with the kept audio and video', () => {
    const plan = planCuts(words, 4.2, {
      removeFillers: true,
      removeSilences: true,
      silenceThreshold: 1,
    });
    const [, world, again] = plan.words;
    expect(world.start).toBeCloseTo(0.7);
    expect(again.start).toBeCloseTo(3.5 - 0.3 - 1.76);
    // A word's new start is its old one minus everything removed before it.
    const at = (t: number) => {
      let out = 0;
      for (const k of plan.keep) if (t >= k.start) out += Math.min(t, k.end) - k.start;
      return out;
    };
    expect(at(3.5)).toBeCloseTo(again.start);
  });
});
