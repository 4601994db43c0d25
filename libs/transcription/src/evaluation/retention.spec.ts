import { measureRetention, withoutSoundAnnotations } from './retention';

const w = (s: string) => s.split(' ');

describe('measureRetention', () => {
  it("counts the bare CLI's words missing outright, and reads each loss in place", () => {
    const r = measureRetention(
      w('i think he is the best kyle what do you think'),
      w('think he is the best what do you think'),
    );
    expect(r.referenceWords).toBe(11);
    expect(r.deleted).toBe(2);
    expect(r.retention).toBeCloseTo(9 / 11);
    expect(r.differences.map((d) => [d.kind, d.reference.join(' ')])).toEqual([
      ['missing', 'i'],
      ['missing', 'kyle'],
    ]);
    expect(r.differences[1].before).toEqual(w('he is the best'));
  });

  it('keeps a word heard differently, but not as identical', () => {
    const r = measureRetention(w('styles can lag behind'), w('styles could lag behind'));
    expect(r.retention).toBe(1);
    expect(r.identicalShare).toBeCloseTo(3 / 4);
    expect(r.differences[0]).toMatchObject({
      kind: 'different',
      reference: ['can'],
      transcript: ['could'],
    });
  });

  it('reports extra words and handles empty input', () => {
    expect(measureRetention(w('a b'), w('a x b')).inserted).toBe(1);
    expect(measureRetention([], []).retention).toBe(1);
    expect(measureRetention(w('a b'), []).retention).toBe(0);
  });

  it('leaves sound annotations out', () => {
    expect(
      withoutSoundAnnotations('(laughing) Yeah. [Music] ♪ okay *sigh*')
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['Yeah.', 'okay']);
  });
});
