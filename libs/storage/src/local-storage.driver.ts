import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ByteRange,
  ObjectStream,
  StorageDriver,
  StoredObject,
  assertSafeKey,
} from './storage.driver';
import { StorageObjectNotFoundError } from './storage.errors';

/** Stores objects as files under one root folder; writes go to a temp file, then rename. */
export class LocalStorageDriver extends StorageDriver {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`unsafe key ${key}`);
    return full;
  }

  private async atomicWrite(
    key: string,
    write: (tmp: string) => Promise<void>,
  ): Promise<StoredObject> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.partial`;
    try {
      await write(tmp);
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    const stat = await fs.stat(target);
    return { key, sizeBytes: stat.size };
  }

  put(key: string, body: Readable | Buffer, _contentType?: string): Promise<StoredObject> {
    return this.atomicWrite(key, async (tmp) => {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, createWriteStream(tmp));
    });
  }

  putFile(key: string, localPath: string, _contentType?: string): Promise<StoredObject> {
    return this.atomicWrite(key, (tmp) => fs.copyFile(localPath, tmp));
  }

  async moveFile(key: string, localPath: string, _contentType?: string): Promise<StoredObject> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(localPath, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      // Different filesystems: copy (atomically), then drop the original.
      await this.putFile(key, localPath);
      await fs.rm(localPath, { force: true });
    }
    return { key, sizeBytes: (await fs.stat(target)).size };
  }

  async download(key: string, localPath: string): Promise<void> {
    const source = this.pathOf(key);
    await fs.mkdir(path.dirname(localPath), { recursive: true });
    try {
      await fs.copyFile(source, localPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new StorageObjectNotFoundError(key);
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<ObjectStream> {
    const size = await this.size(key);
    if (size === null) throw new StorageObjectNotFoundError(key);
    const stream = createReadStream(
      this.pathOf(key),
      range ? { start: range.start, end: range.end } : {},
    );
    return { stream, sizeBytes: size };
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await fs.stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fs.rm(this.pathOf(prefix.replace(/\/+$/, '')), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const dir = this.pathOf(prefix.replace(/\/+$/, ''));
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch((err) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    });
    const objects: StoredObject[] = [];
    for (const entry of entries) {
      // Writes in progress are temp files beside their target: not objects yet.
      if (!entry.isFile() || entry.name.endsWith('.partial')) continue;
      const full = path.join(entry.parentPath, entry.name);
      const key = path.relative(this.root, full).split(path.sep).join('/');
      objects.push({ key, sizeBytes: (await fs.stat(full)).size });
    }
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  }

  async checkHealth(): Promise<void> {
    const key = `health-checks/${randomUUID()}`;
    await this.put(key, Buffer.from('ok'));
    await this.delete(key);
  }
}
