import { sentenceOf } from '../sentences/split-sentences';
import type { Sentence } from '../selection.types';
import { hookOf, standaloneOf } from './opening-features';
import { payoffOf } from './payoff-feature';
import { coherenceOf, deliveryOf, densityOf } from './signal-features';
import { LevelStats } from './level-stats';
import type { ScoringContext } from './scoring.types';

/** A sentence spoken from `at` at 2.5 words/s; complete when it ends in punctuation. */
function say(text: string, at = 10, rate = 2.5): Sentence {
  const words = text.split(' ').map((t, i) => ({
    text: t,
    start: at + i / rate,
    end: at + i / rate + 0.8 / rate,
    confidence: 0.9,
  }));
  return sentenceOf(words, /[.!?]$/.test(text));
}

const ctx: ScoringContext = { coherenceRange: [0.2, 0.6], keywords: [] };

describe('hook', () => {
  it('rewards a question, a number, a bold claim and direct address', () => {
    const plain = hookOf(say('We met at the station in the morning.'));
    const question = hookOf(say('Why do most startups fail in their first two years?'));
    const claim = hookOf(say('This is the biggest mistake you will ever make.'));
    expect(question.value).toBeGreaterThan(plain.value);
    expect(claim.value).toBeGreaterThan(plain.value);
    expect(question.reason).toMatch(/question.*number/);
    expect(claim.reason).toMatch(/bold claim.*viewer/);
  });

  it('scores a sign-off as no hook at all', () => {
    const v = hookOf(say('Thank you all so much.'));
    expect(v.value).toBeLessThan(0.1);
    expect(v.reason).toMatch(/sign-off/);
  });
});

describe('standalone', () => {
  it('is full for a clean opening after a finished sentence and a pause', () => {
    const prev = say('That was the end of it.', 0);
    expect(standaloneOf(say('Printing changed Europe.', 10), prev).value).toBe(1);
  });

  it('drops for a connective, a back-reference, a mid-sentence start and a missing question', () => {
    const prev = say('What did he build first?', 8);
    const clean = say('The printing press came first.', 10);
    const connective = standaloneOf(say('So the press came first.', 10)).value;
    const pronoun = standaloneOf(say('He built the press first.', 10)).value;
    const midSentence = standaloneOf(say('press came first.', 10), say('and then the', 9)).value;
    const answer = standaloneOf(clean, prev);
    expect(connective).toBeLessThan(0.5);
    expect(pronoun).toBeLessThan(1);
    expect(midSentence).toBeLessThan(connective);
    expect(answer.value).toBeLessThan(1);
    expect(answer.reason).toMatch(/answers a question/);
  });
});

describe('payoff', () => {
  it('prefers a concluding sentence over a plain one, and both over a fragment or sign-off', () => {
    const concludes = payoffOf(say("That's why the press changed everything."));
    const plain = payoffOf(say('The press was built in Mainz.'));
    const fragment = payoffOf(say('and the press was built in'));
    const signOff = payoffOf(say('Thank you for all that you do.'));
    expect(concludes.value).toBeGreaterThan(plain.value);
    expect(plain.value).toBeGreaterThan(signOff.value);
    expect(signOff.value).toBeGreaterThan(fragment.value);
    expect(fragment.reason).toMatch(/mid-sentence/);
    expect(signOff.reason).toMatch(/sign-off/);
  });
});

describe('coherence, delivery and density', () => {
  it('coherence follows the similarity within the transcript range, and halves across topics', () => {
    const two = [say('One thing.'), say('Another thing.', 12)];
    const alike = coherenceOf({ sentences: two, coherence: 0.6, crossesTopic: false }, ctx);
    const apart = coherenceOf({ sentences: two, coherence: 0.2, crossesTopic: false }, ctx);
    const across = coherenceOf({ sentences: two, coherence: 0.6, crossesTopic: true }, ctx);
    expect(alike.value).toBe(1);
    expect(apart.value).toBe(0);
    expect(across.value).toBeLessThan(0.5);
    expect(across.reason).toMatch(/topic change/);
  });

  it('delivery prefers a lively pace and a voice whose loudness moves', () => {
    const lively = [say('Here is a sentence said at a lively pace today.', 0, 3)];
    const slow = [say('Here is a sentence said at a slow pace today.', 0, 1.2)];
    expect(deliveryOf(lively, ctx).value).toBeGreaterThan(deliveryOf(slow, ctx).value);
    const flat = new LevelStats({ frameSec: 0.5, levelsDb: Array(40).fill(-20) });
    const moving = new LevelStats({
      frameSec: 0.5,
      levelsDb: Array.from({ length: 40 }, (_, i) => (i % 2 ? -12 : -30)),
    });
    expect(deliveryOf(lively, { ...ctx, levels: moving }).value).toBeGreaterThan(
      deliveryOf(lively, { ...ctx, levels: flat }).value,
    );
  });

  it('density prefers content words over back-channel replies', () => {
    const dense = [say('Gutenberg printed bibles using movable metal type in Mainz.')];
    const chatter = [say('Yeah.', 0), say('Okay.', 1), say('Right, sure.', 2), say('Yeah.', 3)];
    expect(densityOf(dense).value).toBeGreaterThan(densityOf(chatter).value);
    expect(densityOf(chatter).reason).toMatch(/replies/);
  });
});
