import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import {
  LocalStorageDriver,
  S3StorageDriver,
  StorageDriver,
  StorageObjectNotFoundError,
} from '@app/storage';
import { S3_TEST_CREDENTIALS, startS3Server, TestS3 } from '../support/s3-server';

const text = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString();
};

let s3: TestS3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-storage-'));

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const drivers: [string, () => StorageDriver][] = [
  ['local', () => new LocalStorageDriver(path.join(tmp, 'local'))],
  [
    's3',
    () =>
      new S3StorageDriver({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        presignDownloads: true,
        ...S3_TEST_CREDENTIALS,
      }),
  ],
];

describe.each(drivers)('%s storage driver', (name, make) => {
  let storage: StorageDriver;
  beforeAll(() => {
    storage = make();
  });

  it('hands out presigned read URLs where the backend has them (S3), none for local disk', async () => {
    await storage.put('jobs/p/clip-01.mp4', Buffer.from('presigned bytes'), 'video/mp4');
    const options = { expiresInSec: 60, filename: 'clip-01.mp4', contentType: 'video/mp4' };
    const url = await storage.presignedReadUrl('jobs/p/clip-01.mp4', options);
    if (name === 'local') {
      expect(url).toBeNull();
      return;
    }
    expect(url).toMatch(/X-Amz-Signature=/);
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('presigned bytes');
    expect(res.headers.get('content-disposition')).toContain('clip-01.mp4');
    // Signature checks are S3's own (the test server does not verify them); the expiry is ours.
    expect(url).toMatch(/X-Amz-Expires=60\b/);
  });

  it('streams an object in and reads it back whole and by range', async () => {
    const body = Readable.from(['hello ', 'streaming ', 'world']);
    const stored = await storage.put('jobs/a/hello.txt', body, 'text/plain');
    expect(stored.sizeBytes).toBe(21);
    expect(await storage.size('jobs/a/hello.txt')).toBe(21);
    expect(await text((await storage.read('jobs/a/hello.txt')).stream)).toBe(
      'hello streaming world',
    );
    const part = await storage.read('jobs/a/hello.txt', { start: 6, end: 14 });
    expect(await text(part.stream)).toBe('streaming');
    expect(part.sizeBytes).toBe(21);
  });

  it('copies local files in and out', async () => {
    const src = path.join(tmp, 'in.bin');
    fs.writeFileSync(src, Buffer.alloc(9 * 1024 * 1024, 7));
    await storage.putFile('jobs/b/big.bin', src, 'application/octet-stream');
    const out = path.join(tmp, `out-${Math.random()}.bin`);
    await storage.download('jobs/b/big.bin', out);
    expect(fs.statSync(out).size).toBe(9 * 1024 * 1024);
  });

  it('takes a local file over with moveFile', async () => {
    const src = path.join(tmp, `move-${Math.random()}.bin`);
    fs.writeFileSync(src, Buffer.alloc(1024, 3));
    const stored = await storage.moveFile('jobs/m/source.mp4', src, 'video/mp4');
    expect(stored.sizeBytes).toBe(1024);
    expect(fs.existsSync(src)).toBe(false);
    expect(await storage.size('jobs/m/source.mp4')).toBe(1024);
  });

  it('reports missing objects and deletes by prefix', async () => {
    expect(await storage.size('jobs/none/x')).toBeNull();
    await expect(storage.read('jobs/none/x')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    await storage.put('jobs/c/clips/1.mp4', Buffer.from('1'), 'video/mp4');
    await storage.put('jobs/c/clips/2.mp4', Buffer.from('2'), 'video/mp4');
    await storage.put('jobs/c/keep.json', Buffer.from('{}'), 'application/json');
    await storage.deletePrefix('jobs/c/clips');
    expect(await storage.size('jobs/c/clips/1.mp4')).toBeNull();
    expect(await storage.size('jobs/c/keep.json')).toBe(2);
  });

  it('refuses keys that could escape their folder', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /unsafe/,
    );
    await expect(storage.size('jobs/../../x')).rejects.toThrow(/unsafe/);
  });

  it('passes its health check', async () => {
    await expect(storage.checkHealth()).resolves.toBeUndefined();
  });
});

describe('local storage driver', () => {
  it('never exposes a half-written object', async () => {
    const storage = new LocalStorageDriver(path.join(tmp, 'atomic'));
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('jobs/d/upload.mp4', failing, 'video/mp4')).rejects.toThrow(
      'client went away',
    );
    expect(await storage.size('jobs/d/upload.mp4')).toBeNull();
    expect(fs.readdirSync(path.join(tmp, 'atomic', 'jobs', 'd'))).toEqual([]);
  });
});
