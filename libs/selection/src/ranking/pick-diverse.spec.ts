import { pickDiverse } from './pick-diverse';

const c = (start: number, score: number, topic: number, axis: number) => ({
  start,
  end: start + 10,
  score,
  topic,
  vector: [0, 1, 2].map((i) => (i === axis ? 1 : 0)),
});

describe('pickDiverse', () => {
  it('never returns overlapping clips and returns them best first', () => {
    const picked = pickDiverse([c(0, 90, 0, 0), c(5, 95, 0, 0), c(20, 70, 1, 1)], {
      maxClips: 3,
      lambda: 1,
      topicPenalty: 0,
    });
    expect(picked.map((p) => p.start)).toEqual([5, 20]);
  });

  it('prefers a slightly weaker clip on another topic to a third clip on the same one', () => {
    const candidates = [
      c(0, 90, 0, 0),
      c(20, 88, 0, 0),
      c(40, 86, 0, 0),
      c(60, 80, 1, 1),
      c(80, 78, 2, 2),
    ];
    const scoreOnly = pickDiverse(candidates, { maxClips: 3, lambda: 1, topicPenalty: 0 });
    const diverse = pickDiverse(candidates, { maxClips: 3, lambda: 0.7, topicPenalty: 0.12 });
    expect(new Set(scoreOnly.map((p) => p.topic)).size).toBe(1);
    expect(new Set(diverse.map((p) => p.topic)).size).toBe(3);
  });

  it('stops when nothing else fits', () => {
    expect(
      pickDiverse([c(0, 50, 0, 0)], { maxClips: 5, lambda: 0.7, topicPenalty: 0.1 }),
    ).toHaveLength(1);
  });
});
