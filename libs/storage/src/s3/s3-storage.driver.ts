import { createReadStream, createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ByteRange,
  ObjectStream,
  PresignOptions,
  StorageDriver,
  StoredObject,
  assertSafeKey,
} from '../storage.driver';
import { StorageObjectNotFoundError } from '../storage.errors';
import { createS3Client, isNotFound, S3Settings } from './s3-client';

/** Any S3-compatible object store; multipart streamed uploads (8 MiB parts) keep memory flat. */
export class S3StorageDriver extends StorageDriver {
  private readonly client: S3Client;
  /** Signs URLs for the endpoint clients reach (may differ from the one this process uses). */
  private readonly signer: S3Client | null;
  private readonly bucket: string;

  constructor(config: S3Settings) {
    super();
    if (!config.bucket) throw new Error('S3_BUCKET is required for STORAGE_TYPE=s3');
    this.bucket = config.bucket;
    this.client = createS3Client(config);
    this.signer = !config.presignDownloads
      ? null
      : config.publicEndpoint
        ? createS3Client(config, config.publicEndpoint)
        : this.client;
  }

  override presignedReadUrl(key: string, options: PresignOptions): Promise<string | null> {
    if (!this.signer) return Promise.resolve(null);
    assertSafeKey(key);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentType: options.contentType,
      ResponseContentDisposition: `attachment; filename="${options.filename.replace(/["\\]/g, '_')}"`,
    });
    return getSignedUrl(this.signer, command, { expiresIn: options.expiresInSec });
  }

  async put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredObject> {
    assertSafeKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    });
    // lib-storage aborts the multipart upload when the body fails (nothing is left behind), but
    // reports the abort's own outcome: the body's error is the one that says what went wrong.
    let bodyError: Error | undefined;
    if (!Buffer.isBuffer(body)) body.once('error', (err) => (bodyError = err));
    try {
      await upload.done();
    } catch (err) {
      throw bodyError ?? err;
    }
    return { key, sizeBytes: (await this.size(key)) ?? 0 };
  }

  putFile(key: string, localPath: string, contentType: string): Promise<StoredObject> {
    return this.put(key, createReadStream(localPath), contentType);
  }

  async moveFile(key: string, localPath: string, contentType: string): Promise<StoredObject> {
    const stored = await this.putFile(key, localPath, contentType);
    await fs.rm(localPath, { force: true });
    return stored;
  }

  async download(key: string, localPath: string): Promise<void> {
    const { stream } = await this.read(key);
    await fs.mkdir(path.dirname(localPath), { recursive: true });
    await pipeline(stream, createWriteStream(localPath));
  }

  async read(key: string, range?: ByteRange): Promise<ObjectStream> {
    assertSafeKey(key);
    const size = await this.size(key);
    if (size === null) throw new StorageObjectNotFoundError(key);
    const out = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return { stream: out.Body as Readable, sizeBytes: size };
  }

  async size(key: string): Promise<number | null> {
    assertSafeKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    for await (const page of this.pages(prefix)) {
      if (!page.length) continue;
      const objects = page.map((o) => ({ Key: o.key }));
      await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: objects } }),
      );
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    for await (const page of this.pages(prefix)) objects.push(...page);
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** ListObjectsV2 pages of up to 1000 keys, the most one DeleteObjects call takes. */
  private async *pages(prefix: string): AsyncGenerator<StoredObject[]> {
    assertSafeKey(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      yield (page.Contents ?? []).map((o) => ({ key: o.Key!, sizeBytes: o.Size ?? 0 }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * Lists a key under `results/` that never exists: it needs the bucket, the network and
   * credentials, and no more permission than the AWS stack's task roles hold (HeadBucket would
   * want unrestricted listing), and the answer is empty however big the bucket.
   */
  async checkHealth(): Promise<void> {
    await this.client.send(
      new ListObjectsV2Command({ Bucket: this.bucket, Prefix: 'results/.health-check' }),
    );
  }
}
