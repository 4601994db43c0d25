import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestEnv {
  dir: string;
  prefix: string;
  cleanup: () => void;
}

/**
 * Points clipgen's configuration at throw-away places: a SQLite file (unless DATABASE_URL is
 * given), a storage folder, a work folder and a Redis key prefix of its own.
 */
export function useTestEnv(overrides: Record<string, string> = {}): TestEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-test-'));
  const prefix = `clipgen-test-${randomBytes(4).toString('hex')}`;
  const values: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${path.join(dir, 'clipgen.db')}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    STORAGE_TYPE: 'local',
    STORAGE_DIR: path.join(dir, 'storage'),
    WORK_DIR: path.join(dir, 'work'),
    // Suites that send many requests from one address are not about limits; the access suite is.
    RATE_LIMIT_ENABLED: 'false',
    // Most suites run the API without a worker; the pipeline suite runs one and asks for it.
    HEALTH_REQUIRE_WORKER: 'false',
    WORKER_METRICS_PORT: '0',
    // Suites log through Nest's console logger at the levels they pick; request logs stay off.
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return {
    dir,
    prefix,
    cleanup: () => {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
