import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { freeBytes, type StorageDriver } from '@app/storage';
import type { Check } from './check';

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MiB`;

const elapsed = async (work: () => Promise<unknown>) => {
  const t0 = Date.now();
  await work();
  return `${Date.now() - t0} ms`;
};

/** The database answers and every migration has run. */
export const databaseCheck = (dataSource: () => Promise<DataSource>, where: string): Check => ({
  name: 'database',
  async run() {
    const db = await dataSource().catch((err: Error) => {
      throw Object.assign(new Error(`${where}: ${err.message}`), { cause: err });
    });
    await db.query('SELECT 1');
    const pending = await db.showMigrations();
    return pending
      ? {
          status: 'fail',
          detail: `${where}: migrations pending`,
          fix: 'start the API or worker once (they migrate at start-up)',
        }
      : { status: 'ok', detail: `${where}: reachable, migrated` };
  },
});

/** Redis answers PING. */
export const redisCheck = (ping: () => Promise<unknown>, where: string): Check => ({
  name: 'redis',
  async run() {
    try {
      return { status: 'ok', detail: `${where}: PONG in ${await elapsed(ping)}` };
    } catch (err) {
      return {
        status: 'fail',
        detail: `${where}: ${(err as Error).message}`,
        fix: 'start Redis or set REDIS_URL',
      };
    }
  },
});

/** A small object can be written to and deleted from storage. */
export const storageCheck = (storage: StorageDriver, where: string): Check => ({
  name: 'storage',
  async run() {
    try {
      return {
        status: 'ok',
        detail: `${where}: usable (${await elapsed(() => storage.checkHealth())})`,
      };
    } catch (err) {
      return {
        status: 'fail',
        detail: `${where}: ${(err as Error).message}`,
        fix: 'check STORAGE_DIR permissions, or the S3 bucket, credentials and S3_ENDPOINT',
      };
    }
  },
});

/** A folder made on first use is judged by the volume of its nearest existing parent. */
function nearestExisting(dir: string): string {
  let at = path.resolve(dir);
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/** The volume holding `dir` keeps at least `minBytes` free (MIN_FREE_DISK_BYTES). */
export const diskCheck = (label: string, dir: string, minBytes: number): Check => ({
  name: `disk (${label})`,
  async run() {
    const free = await freeBytes(nearestExisting(dir));
    const detail = `${mib(free)} free at ${dir} (minimum ${mib(minBytes)})`;
    return free >= minBytes
      ? { status: 'ok', detail }
      : {
          status: 'fail',
          detail,
          fix: 'free space on that volume, delete old jobs, or lower MIN_FREE_DISK_BYTES',
        };
  },
});
