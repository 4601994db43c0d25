import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isProcessAlive } from '@app/media';

const TEMP = /^(\d+)-[0-9a-f-]{36}\.upload$/;

/** Temp files carry the receiving process id, so a restarted API can tell its dead ones apart. */
export const uploadTempName = (id: string): string => `${process.pid}-${id}.upload`;

/**
 * Removes uploads that a dead API process left half-written (a crash never runs its cleanup).
 * Files of live processes sharing the folder are kept; our own pid can only be a previous life.
 */
export async function sweepStaleUploads(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
