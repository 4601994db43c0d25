import { formatReport, hasFailure, runChecks } from './check';

describe('runChecks', () => {
  it('keeps each outcome, turns a throw into a failure and a hang into a timeout', async () => {
    const results = await runChecks(
      [
        { name: 'good', run: async () => ({ status: 'ok', detail: 'fine' }) },
        {
          name: 'broken',
          run: async () => {
            throw new Error('refused');
          },
        },
        { name: 'stuck', run: () => new Promise(() => undefined) },
      ],
      50,
    );
    expect(results).toEqual([
      { name: 'good', status: 'ok', detail: 'fine' },
      { name: 'broken', status: 'fail', detail: 'refused' },
      { name: 'stuck', status: 'fail', detail: 'no answer in 50 ms' },
    ]);
    expect(hasFailure(results)).toBe(true);
    expect(hasFailure(results.slice(0, 1))).toBe(false);
  });
});

describe('formatReport', () => {
  it('aligns the names and shows the fix only under what is not ok', () => {
    const lines = formatReport([
      { name: 'redis', status: 'ok', detail: 'PONG in 1 ms', fix: 'never shown' },
      { name: 'disk free', status: 'fail', detail: '120 MiB free', fix: 'free some space' },
    ]);
    expect(lines).toEqual([
      'OK    redis      PONG in 1 ms',
      'FAIL  disk free  120 MiB free',
      '                 → free some space',
    ]);
  });
});
