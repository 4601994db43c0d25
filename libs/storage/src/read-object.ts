import { StorageDriver } from './storage.driver';

/** A small stored object (transcript, cached vectors) as bytes; null when it is missing or unreadable. */
export async function readObject(storage: StorageDriver, key: string): Promise<Buffer | null> {
  if ((await storage.size(key)) === null) return null;
  try {
    const { stream } = await storage.read(key);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
