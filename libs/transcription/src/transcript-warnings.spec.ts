import { transcriptWarnings } from './transcript-warnings';

describe('transcriptWarnings', () => {
  it('says so when detected speech gave no words or far too few', () => {
    expect(transcriptWarnings(10, 0)[0]).toMatch(/no words were recognised in 10.0 s of speech/);
    expect(transcriptWarnings(60, 12)[0]).toMatch(/only 12 words .* likely incomplete/);
  });

  it('stays quiet for ordinary speech and for recordings without speech', () => {
    expect(transcriptWarnings(60, 150)).toEqual([]);
    expect(transcriptWarnings(0, 0)).toEqual([]);
    expect(transcriptWarnings(2, 1)).toEqual([]);
  });
});
