import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  sizeBytes: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP Range. */
  end: number;
}

export interface ObjectStream {
  stream: Readable;
  sizeBytes: number;
}

/**
 * Port for every stored byte (uploads, clips, captions, transcripts). Keys are relative,
 * slash-separated, and built by the application, never taken from user input.
 */
export abstract class StorageDriver {
  /** Streams `body` to `key`; the object only becomes visible once fully written. */
  abstract put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredObject>;
  abstract putFile(key: string, localPath: string, contentType: string): Promise<StoredObject>;
  /**
   * Like putFile, but takes the local file over (it is gone afterwards): the local adapter renames
   * it instead of copying, so a large upload is not written to disk twice.
   */
  abstract moveFile(key: string, localPath: string, contentType: string): Promise<StoredObject>;
  /** Copies an object to a local file (for ffmpeg, which wants a seekable path). */
  abstract download(key: string, localPath: string): Promise<void>;
  abstract read(key: string, range?: ByteRange): Promise<ObjectStream>;
  /** Size in bytes, or null when the object does not exist. */
  abstract size(key: string): Promise<number | null>;
  abstract delete(key: string): Promise<void>;
  abstract deletePrefix(prefix: string): Promise<void>;
  /** Every finished object whose key starts with `prefix` (a folder ending in `/`), sorted by key. */
  abstract list(prefix: string): Promise<StoredObject[]>;
  /** Throws when the backend cannot be used (local: written and read; S3: listed). */
  abstract checkHealth(): Promise<void>;
  /**
   * A URL that reads the object straight from the backend until it expires, or null when the
   * backend has none (local disk: the API serves the file behind its own signed link).
   */
  presignedReadUrl(key: string, options: PresignOptions): Promise<string | null> {
    void key;
    void options;
    return Promise.resolve(null);
  }
}

export interface PresignOptions {
  expiresInSec: number;
  /** Sent back as the download's file name. */
  filename: string;
  contentType: string;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
  }
}
