import { capSentenceLength, splitSentences } from './split-sentences';
import type { TimedWord } from '../selection.types';

/** Words 0.4 s apart; `|` in the text adds a pause of `pause` seconds before the next word. */
function timed(text: string, pause = 1.5, speakers?: string[]): TimedWord[] {
  const words: TimedWord[] = [];
  let t = 0;
  let k = 0;
  for (const token of text.split(' ')) {
    if (token === '|') {
      t += pause;
      continue;
    }
    words.push({ text: token, start: t, end: t + 0.3, confidence: 0.9, speaker: speakers?.[k++] });
    t += 0.4;
  }
  return words;
}

describe('splitSentences', () => {
  it('ends sentences at terminal punctuation and marks them complete', () => {
    const s = splitSentences(timed('One two three. Four five six?'));
    expect(s.map((x) => x.text)).toEqual(['One two three.', 'Four five six?']);
    expect(s.map((x) => x.complete)).toEqual([true, true]);
  });

  it('in punctuated text, a long pause ends a sentence but not its thought', () => {
    const words = timed('We went to the market. Then we | walked home and slept.', 1.5);
    const s = splitSentences(words);
    expect(s.map((x) => x.text)).toEqual([
      'We went to the market.',
      'Then we',
      'walked home and slept.',
    ]);
    expect(s[1].complete).toBe(false);
  });

  it('in unpunctuated text, a pause before a capitalised word ends a finished sentence', () => {
    const words = timed(
      'we built the house ourselves | It took two years | and the roof leaked',
      0.6,
    );
    const s = splitSentences(words);
    expect(s.map((x) => x.text)).toEqual([
      'we built the house ourselves',
      'It took two years and the roof leaked',
    ]);
    expect(s[0].complete).toBe(true);
  });

  it('does not end a sentence before "I" or after a connective, whatever the pause', () => {
    const words = timed('so then | I said that we should go and | Maybe later', 0.8);
    const s = splitSentences(words);
    expect(s[0].text).toBe('so then I said that we should go and Maybe later');
  });

  it('a change of speaker ends a sentence', () => {
    const speakers = ['a', 'a', 'a', 'b', 'b'];
    expect(splitSentences(timed('I think yes Really sure', 0, Array(5).fill('a')))).toHaveLength(1);
    const turn = splitSentences(timed('I think yes Really sure', 0, speakers));
    expect(turn.map((x) => x.text)).toEqual(['I think yes', 'Really sure']);
    expect(turn[0].complete).toBe(true);
  });

  it('capSentenceLength splits an over-long run at its widest pause, pieces incomplete', () => {
    const words = timed('la la la la | la la la la', 0.5).map((w, i) => ({ ...w, text: `la${i}` }));
    const [s] = splitSentences(words);
    const pieces = capSentenceLength([s], 2);
    expect(pieces.map((p) => p.words.length)).toEqual([4, 4]);
    expect(pieces.every((p) => !p.complete)).toBe(true);
  });
});
