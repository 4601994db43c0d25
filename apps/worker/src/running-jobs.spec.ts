import { RunningJobs } from './running-jobs';

const limits = { shutdownGraceMs: 2000 } as never;
const untilAborted = (abort: AbortController) =>
  new Promise<string>((resolve) =>
    abort.signal.addEventListener('abort', () => resolve(String(abort.signal.reason))),
  );

describe('RunningJobs', () => {
  it('aborts with the reason given and forgets finished jobs', async () => {
    const jobs = new RunningJobs(limits);
    const run = jobs.run('a', 60_000, untilAborted);
    expect(jobs.abort('a', 'cancel')).toBe(true);
    expect(await run).toBe('cancel');
    expect(jobs.abort('a', 'cancel')).toBe(false);
  });

  it('times a job out', async () => {
    const jobs = new RunningJobs(limits);
    expect(await jobs.run('a', 20, untilAborted)).toBe('timeout');
  });

  it('on stop aborts every job with `shutdown` and waits for each to settle', async () => {
    const jobs = new RunningJobs(limits);
    const settled: string[] = [];
    const runs = ['a', 'b'].map((id) =>
      jobs.run(id, 60_000, async (abort) => {
        const reason = await untilAborted(abort);
        await new Promise((r) => setTimeout(r, 50));
        settled.push(`${id}:${reason}`);
      }),
    );
    await jobs.stopAll('SIGTERM');
    expect(settled.sort()).toEqual(['a:shutdown', 'b:shutdown']);
    expect(jobs.isStopping).toBe(true);
    await Promise.all(runs);
  });
});
