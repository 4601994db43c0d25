import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isProcessAlive } from '@app/media';

const OWNER_FILE = '.owner';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A job's folder, or one of a single clip of it (`<id>.clip-3`, `<id>.request-<id>`). */
const JOB_DIR = new RegExp(`^(${UUID})(\\.(?:clip|request)-[\\w-]+)?$`);

/** `host:pid`, the identity a worker records on the jobs it runs. */
export const workerIdentity = (): string => `${os.hostname()}:${process.pid}`;

/** Creates (or takes over) a job's scratch folder, recording this process as its owner. */
export async function claimWorkDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, OWNER_FILE), workerIdentity());
}

async function ownerAlive(dir: string): Promise<boolean> {
  const owner = await fs.readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => '');
  const [host, pid] = owner.split(':');
  if (host !== os.hostname()) return false;
  return Number(pid) !== process.pid && isProcessAlive(Number(pid));
}

/**
 * Removes job scratch folders that nobody will use again: their owner process is dead, and (for a
 * job's own folder) the job may not resume here (`keep` holds the ids of unfinished jobs, whose source and audio a
 * resumed run reuses). Runs at worker start-up, when a crash may have left gigabytes behind.
 */
export async function sweepWorkDirs(root: string, keep: Set<string>): Promise<string[]> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = JOB_DIR.exec(name);
    // A single clip's folder is never reused; a job's is, while the job may resume here.
    if (!match || (!match[2] && keep.has(match[1]))) continue;
    const dir = path.join(root, name);
    if (await ownerAlive(dir)) continue;
    await fs.rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
