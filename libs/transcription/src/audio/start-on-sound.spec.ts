import { envelopeLevels, EnergyEnvelope } from './energy-envelope';
import { startWordsOnSound } from './start-on-sound';

/** A 10 ms envelope: -70 dBFS pauses, -30 dBFS wherever a [start, end) span says. */
function envelope(seconds: number, loud: [number, number][]): EnergyEnvelope {
  const db = Float32Array.from({ length: seconds * 100 }, (_, i) =>
    loud.some(([a, b]) => i >= a * 100 && i < b * 100) ? -30 : -70,
  );
  return { frameSec: 0.01, db, ...envelopeLevels(db) };
}

const segment = (...words: [string, number, number][]) => ({
  start: words[0][1],
  end: words[words.length - 1][2],
  text: words.map(([t]) => t).join(' '),
  words: words.map(([text, start, end]) => ({ text, start, end, confidence: 0.9 })),
});

describe('startWordsOnSound', () => {
  it('moves a turn-start word out of the pause it was placed in', () => {
    // "At least" sounds from 24.06 s; the timing put "At" 170 ms early, in silence.
    const env = envelope(26, [
      [22, 23.86],
      [24.06, 25],
    ]);
    const [seg] = startWordsOnSound([segment(['At', 23.89, 24.2], ['least', 24.2, 24.5])], env);
    expect(seg.words[0].start).toBeCloseTo(24.06, 2);
    expect(seg.start).toBeCloseTo(24.06, 2);
    expect(seg.words[1].start).toBe(24.2);
  });

  it('keeps words that start in running speech, or after a gap shorter than a pause', () => {
    const env = envelope(5, [
      [1, 2],
      [2.03, 3],
    ]);
    const words = [segment(['one', 1.5, 1.9], ['two', 2.0, 2.4])];
    expect(startWordsOnSound(words, env)).toEqual(words);
  });

  it('leaves a word alone when no sound follows soon enough, or before the word ends', () => {
    const env = envelope(6, [[3, 4]]);
    const far = [segment(['late', 2.5, 3.5])];
    expect(startWordsOnSound(far, env)[0].words[0].start).toBe(2.5);
    const short = [segment(['gone', 2.9, 3.01])];
    expect(startWordsOnSound(short, env)[0].words[0].start).toBe(2.9);
    const quietWord = [segment(['psst', 4.5, 5])];
    expect(startWordsOnSound(quietWord, env)[0].words[0].start).toBe(4.5);
  });
});
