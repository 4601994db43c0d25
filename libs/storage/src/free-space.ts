import * as fs from 'node:fs/promises';

export class InsufficientSpaceError extends Error {
  constructor(
    readonly freeBytes: number,
    readonly neededBytes: number,
  ) {
    super(
      `not enough free disk space: ${Math.round(freeBytes / 2 ** 20)} MiB free, ` +
        `${Math.round(neededBytes / 2 ** 20)} MiB needed`,
    );
  }
}

/** Bytes an unprivileged writer may still use on the volume that holds `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await fs.statfs(dir);
  return s.bavail * s.bsize;
}

/** Throws unless `needed` more bytes fit while leaving `reserve` free (e.g. for the database). */
export async function assertFreeSpace(dir: string, needed: number, reserve: number): Promise<void> {
  const free = await freeBytes(dir);
  if (free - needed < reserve) throw new InsufficientSpaceError(free, needed + reserve);
}
