import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { databaseConfig } from '@app/config';
import { buildDataSourceOptions } from '@app/persistence';
import { readBeats, publishBeat, withdrawBeat, WorkerBeat } from '@app/operations';
import { doctorCommand } from '../../apps/cli/src/commands/doctor.command';
const { freePort } = require('../../scripts/lib/fault-cluster') as {
  freePort: () => Promise<number>;
};
import { useTestEnv } from '../support/test-env';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const beat = (workerId: string, ageMs: number, running: string[] = []): WorkerBeat => ({
  workerId,
  host: 'test',
  pid: 1,
  version: '0.0.0',
  startedAt: new Date().toISOString(),
  beatAt: new Date(Date.now() - ageMs).toISOString(),
  concurrency: 2,
  running,
});

describe('worker heartbeats in Redis', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `clipgen-test-beats-${process.pid}`;
  afterAll(() => redis.quit());

  it('reads the live workers newest first, ignores stale ones, and forgets a withdrawn one', async () => {
    await publishBeat(redis, prefix, beat('a:1', 2_000, ['job-1']), 5);
    await publishBeat(redis, prefix, beat('b:2', 100), 5);
    await publishBeat(redis, prefix, beat('c:3', 60_000), 5);
    const live = await readBeats(redis, prefix, 30_000);
    expect(live.map((b) => b.workerId)).toEqual(['b:2', 'a:1']);
    expect(live[1].running).toEqual(['job-1']);
    expect(await redis.ttl(`${prefix}:workers:a:1`)).toBeGreaterThan(0);
    await withdrawBeat(redis, prefix, 'b:2');
    expect((await readBeats(redis, prefix, 30_000)).map((b) => b.workerId)).toEqual(['a:1']);
    await Promise.all(['a:1', 'c:3'].map((id) => withdrawBeat(redis, prefix, id)));
  });
});

describe('clipgen doctor', () => {
  const run = async (env: Record<string, string>, migrate: boolean) => {
    const test = useTestEnv(env);
    if (migrate) {
      const db = new DataSource(buildDataSourceOptions(databaseConfig()));
      await db.initialize();
      await db.destroy();
    }
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    try {
      await doctorCommand({ json: true });
      return { results: JSON.parse(lines.join('\n')), exitCode: process.exitCode };
    } finally {
      log.mockRestore();
      process.exitCode = undefined;
      test.cleanup();
    }
  };

  it('checks this install line by line and passes on a working one', async () => {
    const { results, exitCode } = await run({}, true);
    const byName = Object.fromEntries(results.map((r: { name: string }) => [r.name, r]));
    expect(Object.keys(byName)).toEqual([
      'ffmpeg',
      'transcription',
      'models',
      'database',
      'redis',
      'storage',
      'disk (work)',
      'disk (storage)',
      'workers',
    ]);
    expect(byName.ffmpeg).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/libx264, libass/),
    });
    expect(byName.transcription.status).not.toBe('fail');
    expect(byName.models).toMatchObject({
      status: 'ok',
      detail: 'face detector, face mesh, sentence encoder',
    });
    expect(byName.database).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/migrated/),
    });
    expect(byName.redis).toMatchObject({ status: 'ok', detail: expect.stringMatching(/PONG/) });
    expect(byName.storage.status).toBe('ok');
    // No worker runs in this test: said, but not a failure of the install.
    expect(byName.workers).toMatchObject({ status: 'warn', fix: expect.stringMatching(/worker/) });
    expect(exitCode).toBeUndefined();
  }, 60_000);

  it('fails with the fix on an unmigrated database, unreachable Redis and too little disk', async () => {
    const port = await freePort();
    const { results, exitCode } = await run(
      {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        MIN_FREE_DISK_BYTES: String(2 ** 52),
      },
      false,
    );
    const byName = Object.fromEntries(results.map((r: { name: string }) => [r.name, r]));
    expect(byName.database).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/migrations pending/),
    });
    expect(byName.redis).toMatchObject({ status: 'fail', fix: 'start Redis or set REDIS_URL' });
    expect(byName['disk (work)']).toMatchObject({
      status: 'fail',
      fix: expect.stringMatching(/MIN_FREE_DISK_BYTES/),
    });
    expect(exitCode).toBe(1);
  }, 60_000);
});
