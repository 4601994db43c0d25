import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { publishBeat, WorkerBeat } from '@app/operations';
import { FanOutPolicy } from '../../apps/worker/src/fan-out/fan-out-policy';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** RENDER_FAN_OUT=auto fans a job's clips out only while another live worker could take them. */
describe('fan-out policy', () => {
  const prefix = `fanout-${process.pid}-${Date.now()}`;
  const redis = new Redis(REDIS_URL);
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('clip-renders', { connection, prefix });
  const ops = { heartbeatIntervalMs: 5000, workerMaxAgeMs: 30_000 };
  const policy = (renderFanOut: 'auto' | 'always' | 'off') =>
    new FanOutPolicy(queue as never, { renderFanOut } as never, ops as never, { prefix } as never);
  const beat = (workerId: string, ageMs: number): WorkerBeat => ({
    workerId,
    host: 'h',
    pid: 1,
    version: 'test',
    startedAt: new Date().toISOString(),
    beatAt: new Date(Date.now() - ageMs).toISOString(),
    concurrency: 1,
    running: [],
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await queue.close();
    await connection.quit();
    await redis.quit();
  });

  it('fans out with two live workers, not with one, nor counting one that just died', async () => {
    await publishBeat(redis, prefix, beat('h:1', 0), 30);
    expect(await policy('auto').wanted()).toBe(false);
    // Its beat has not expired yet, but it is older than two intervals: gone.
    await publishBeat(redis, prefix, beat('h:2', 20_000), 30);
    expect(await policy('auto').wanted()).toBe(false);
    await publishBeat(redis, prefix, beat('h:3', 1000), 30);
    expect(await policy('auto').wanted()).toBe(true);
  });

  it('always and off do as they say', async () => {
    expect(await policy('always').wanted()).toBe(true);
    const job = { data: { jobId: 'j' } } as never;
    expect(policy('off').dispatchFor(job, 'token')).toBeUndefined();
    expect(policy('auto').dispatchFor(job, undefined)).toBeUndefined();
    expect(policy('auto').dispatchFor(job, 'token')).toBeDefined();
  });
});
