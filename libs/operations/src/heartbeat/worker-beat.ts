/** What a worker says about itself every few seconds (stored in Redis with a time to live). */
export interface WorkerBeat {
  /** `host:pid`, as jobs record it. */
  workerId: string;
  host: string;
  pid: number;
  version: string;
  startedAt: string;
  beatAt: string;
  /** Jobs it may run at once (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Job ids it is running now. */
  running: string[];
}

/** The few Redis commands heartbeats need (ioredis and BullMQ's client both have them). */
export interface BeatRedis {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  scan(
    cursor: string,
    match: 'MATCH',
    pattern: string,
    count: 'COUNT',
    n: number,
  ): Promise<[string, string[]]>;
  mget(...keys: string[]): Promise<(string | null)[]>;
}

export const beatKey = (prefix: string, workerId: string) => `${prefix}:workers:${workerId}`;

export async function publishBeat(
  redis: BeatRedis,
  prefix: string,
  beat: WorkerBeat,
  ttlSec: number,
): Promise<void> {
  await redis.set(beatKey(prefix, beat.workerId), JSON.stringify(beat), 'EX', ttlSec);
}

export async function withdrawBeat(redis: BeatRedis, prefix: string, workerId: string) {
  await redis.del(beatKey(prefix, workerId));
}

/** Every worker whose last beat is younger than `maxAgeMs`, newest first. */
export async function readBeats(
  redis: BeatRedis,
  prefix: string,
  maxAgeMs: number,
  now = Date.now(),
): Promise<WorkerBeat[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:workers:*`, 'COUNT', 200);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  if (!keys.length) return [];
  const beats = (await redis.mget(...keys)).flatMap((raw) => {
    if (!raw) return [];
    try {
      return [JSON.parse(raw) as WorkerBeat];
    } catch {
      return [];
    }
  });
  return beats
    .filter((b) => now - Date.parse(b.beatAt) <= maxAgeMs)
    .sort((a, b) => Date.parse(b.beatAt) - Date.parse(a.beatAt));
}
