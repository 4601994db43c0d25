/**
 * Run as its own process by the storage test: streams SIZE_MB through the S3 adapter to the
 * test server at S3_ENDPOINT and back, sampling its live memory (heap + buffers, after a
 * collection) every 50 ms, and prints {peakGrowthBytes, storedBytes, downloadedBytes} as JSON.
 * A process of its own keeps the measurement off the test runner's large heap.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { S3StorageDriver } from '@app/storage';
import { generatedBody, S3_TEST_CREDENTIALS, TEST_LIFECYCLE } from './s3-server';

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc!;
const live = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

async function main() {
  const size = Number(process.env.SIZE_MB) * MiB;
  const storage = new S3StorageDriver({
    bucket: process.env.S3_BUCKET!,
    region: 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    presignDownloads: false,
    maxAttempts: 3,
    lifecycle: TEST_LIFECYCLE,
    ...S3_TEST_CREDENTIALS,
  });
  const source = generatedBody(size);
  const before = live();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, live())), 50);
  const stored = await storage.put('uploads/big/source.mp4', source, 'video/mp4');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-probe-')), 'big.bin');
  await storage.download('uploads/big/source.mp4', out);
  clearInterval(timer);
  const downloadedBytes = fs.statSync(out).size;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  console.log(
    JSON.stringify({
      peakGrowthBytes: peak - before,
      storedBytes: stored.sizeBytes,
      downloadedBytes,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
