import { StorageDriver, StoredObject } from './storage.driver';
import { StorageKeys } from './storage-keys';

/** Removes everything a job stored, in every area. */
export async function deleteJobObjects(storage: StorageDriver, jobId: string): Promise<void> {
  for (const prefix of StorageKeys.jobPrefixes(jobId)) await storage.deletePrefix(prefix);
}

/** Everything a job stored, in every area, sorted by key. */
export async function listJobObjects(
  storage: StorageDriver,
  jobId: string,
): Promise<StoredObject[]> {
  const lists = await Promise.all(StorageKeys.jobPrefixes(jobId).map((p) => storage.list(p)));
  return lists.flat().sort((a, b) => a.key.localeCompare(b.key));
}
