import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

// s3rver speaks the S3 protocol on loopback; it only accepts these fixed credentials.
const S3rver = require('s3rver');

export interface TestS3 {
  endpoint: string;
  bucket: string;
  close: () => Promise<void>;
}

export async function startS3Server(bucket = 'clipgen-test'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export const TEST_LIFECYCLE = {
  uploads: 7,
  processing: 7,
  results: 30,
  abortIncompleteMultipart: 1,
};

/** `bytes` of 'Z' produced a MiB at a time as they are read: a large body never held whole. */
export function generatedBody(bytes: number): Readable {
  const MiB = 1024 * 1024;
  const chunk = Buffer.alloc(MiB, 0x5a);
  let produced = 0;
  return new Readable({
    read() {
      if (produced >= bytes) return this.push(null);
      produced += MiB;
      this.push(chunk);
    },
  });
}
