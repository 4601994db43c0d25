import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ClipRepository } from '@app/persistence';
import type { StorageDriver } from '@app/storage';

/** Copies a job's stored files (all, or those `only` accepts) into a folder; returns how many. */
export async function exportJobFiles(
  clips: ClipRepository,
  storage: StorageDriver,
  jobId: string,
  outDir: string,
  only: (filename: string) => boolean = () => true,
): Promise<number> {
  await fs.mkdir(outDir, { recursive: true });
  const artifacts = (await clips.listArtifacts(jobId)).filter((a) => only(a.filename));
  for (const a of artifacts) await storage.download(a.storageKey, path.join(outDir, a.filename));
  return artifacts.length;
}
