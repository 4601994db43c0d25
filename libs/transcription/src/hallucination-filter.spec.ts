import { collapseRepeats, compressionRatio, dropHallucinations } from './hallucination-filter';
import { stitchChunks } from './stitch-chunks';

const words = (text: string, start = 0, step = 0.5) =>
  text.split(' ').map((t, i) => ({
    text: t,
    start: start + i * step,
    end: start + i * step + 0.4,
    confidence: 0.9,
  }));
const seg = (text: string, start = 0) => {
  const w = words(text, start);
  return { start, end: w[w.length - 1].end, text, words: w };
};

describe('collapseRepeats', () => {
  it('keeps one copy of a phrase looped three or more times', () => {
    const out = collapseRepeats(
      words("Hello. Hello. Hello. Hello. Hello. I didn't know you were there."),
    );
    expect(out.map((w) => w.text).join(' ')).toBe("Hello. I didn't know you were there.");
    const phrase = collapseRepeats(
      words('thank you so much thank you so much thank you so much bye'),
    );
    expect(phrase.map((w) => w.text).join(' ')).toBe('thank you so much bye');
  });

  it('keeps natural doubles', () => {
    expect(
      collapseRepeats(words('no, no we are fine'))
        .map((w) => w.text)
        .join(' '),
    ).toBe('no, no we are fine');
  });
});

describe('dropHallucinations', () => {
  it('drops looping text by its compression ratio', () => {
    const loop = 'the the the the the the the the the the the the the the the the the the the the';
    expect(compressionRatio(loop)).toBeGreaterThan(2.4);
    expect(compressionRatio('ask not what your country can do for you')).toBeLessThan(2.4);
    const kept = dropHallucinations([seg('And so my fellow Americans.'), seg('Okay.', 5)]);
    expect(kept.map((s) => s.text)).toEqual(['And so my fellow Americans.', 'Okay.']);
  });

  it('drops words heard over silence', () => {
    const silentAfter10 = { voicedFraction: (start: number) => (start >= 10 ? 0 : 0.8) };
    const kept = dropHallucinations(
      [seg('real speech here', 0), seg('Thank you for watching.', 12)],
      silentAfter10,
    );
    expect(kept.map((s) => s.text)).toEqual(['real speech here']);
  });

  it('collapses a loop spread over several segments', () => {
    const kept = dropHallucinations([
      seg('Hello.', 0),
      seg('Hello.', 1),
      seg('Hello.', 2),
      seg('Hello.', 3),
      seg('Bye.', 4),
    ]);
    expect(kept.map((s) => s.text)).toEqual(['Hello.', 'Bye.']);
  });
});

describe('stitchChunks', () => {
  it('shifts chunks onto one timeline without duplicating or losing words at the seam', () => {
    const stitched = stitchChunks([
      { offset: 0, segments: [seg('one two three', 0)] },
      { offset: 1.2, segments: [seg('three four five', -0.2)] },
    ]);
    const all = stitched.flatMap((s) => s.words);
    expect(all.map((w) => w.text)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(all[3].start).toBeCloseTo(1.5);
    for (let i = 1; i < all.length; i++)
      expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].start);
  });
});

describe('stitchChunks keeps every word inside a chunk', () => {
  it("keeps a turn's first word timed before the previous turn's last word ends", () => {
    // "thee." ends late (Whisper stretches a segment's last token to the next segment); the next
    // turn's "However" starts before that end: both stay.
    const first = {
      start: 0,
      end: 3,
      text: 'the grave and thee.',
      words: words('the grave and thee.'),
    };
    first.words[3].end = 3.5;
    const next = seg('However due to the slow', 2.9);
    const all = stitchChunks([{ offset: 10, durationSec: 8, segments: [first, next] }]).flatMap(
      (s) => s.words,
    );
    expect(all.map((w) => w.text).join(' ')).toBe('the grave and thee. However due to the slow');
  });

  it('keeps the last words Whisper times past the end of the chunk, at the end', () => {
    const s = seg('that I thought it was', 1);
    const all = stitchChunks([{ offset: 5, durationSec: 2.5, segments: [s] }]).flatMap(
      (x) => x.words,
    );
    expect(all.map((w) => w.text)).toEqual(['that', 'I', 'thought', 'it', 'was']);
    expect(Math.max(...all.map((w) => w.end))).toBeLessThanOrEqual(7.5);
    for (let i = 1; i < all.length; i++)
      expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].start);
  });

  it('keeps a legitimate repeat at a seam when it starts after the previous word ends', () => {
    const all = stitchChunks([
      { offset: 0, durationSec: 2, segments: [seg('I know', 0)] },
      { offset: 3, durationSec: 2, segments: [seg('I know', 0)] },
    ]).flatMap((x) => x.words);
    expect(all.map((w) => w.text)).toEqual(['I', 'know', 'I', 'know']);
  });
});
