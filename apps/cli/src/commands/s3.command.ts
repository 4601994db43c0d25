import { storageConfig } from '@app/config';
import {
  createS3Client,
  createStorageDriver,
  listJobObjects,
  setUpBucket,
  StorageAreas,
  StoredObject,
} from '@app/storage';

const MARK = { created: '+', exists: '=', applied: '✓', unsupported: '!', failed: '✗' } as const;

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit ? value.toFixed(1) : value} ${units[unit]}`;
}

/** A whole number of days from a flag (undefined when not given); anything else is refused. */
export function daysFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < min)
    throw new Error(`--${flag} wants a whole number of days, at least ${min} (got ${value})`);
  return days;
}

interface SetupFlags {
  bucket?: string;
  uploadsDays?: string;
  processingDays?: string;
  resultsDays?: string;
}

/** `clipgen s3 setup`: create or update the bucket S3_BUCKET names, with every safety setting. */
export async function s3SetupCommand(flags: SetupFlags): Promise<void> {
  const config = storageConfig();
  const bucket = flags.bucket ?? config.s3.bucket;
  if (!bucket) throw new Error('no bucket: set S3_BUCKET or pass --bucket');
  const { lifecycle: configured } = config.s3;
  const lifecycle = {
    ...configured,
    uploads: daysFlag(flags.uploadsDays, 'uploads-days', 1) ?? configured.uploads,
    processing: daysFlag(flags.processingDays, 'processing-days', 1) ?? configured.processing,
    results:
      flags.resultsDays === undefined
        ? configured.results
        : daysFlag(flags.resultsDays, 'results-days', 0) || null,
  };
  const client = createS3Client(config.s3);
  try {
    const steps = await setUpBucket(client, { bucket, region: config.s3.region, lifecycle });
    for (const step of steps)
      console.log(
        `${MARK[step.outcome]} ${step.name}: ${step.outcome}${step.detail ? ` (${step.detail})` : ''}`,
      );
    if (steps.some((s) => s.outcome === 'unsupported'))
      console.error('some settings are not supported by this server; AWS S3 supports all of them');
    if (steps.some((s) => s.outcome === 'failed')) throw new Error('bucket setup failed');
  } finally {
    client.destroy();
  }
}

/** `clipgen s3 ls [jobId]`: one job's objects with sizes, or every job's totals per area. */
export async function s3ListCommand(
  jobId: string | undefined,
  flags: { json?: boolean },
): Promise<void> {
  const storage = createStorageDriver(storageConfig());
  if (jobId) {
    const objects = await listJobObjects(storage, jobId);
    if (flags.json) return console.log(JSON.stringify(objects, null, 2));
    if (!objects.length) throw new Error(`nothing stored for job ${jobId}`);
    for (const o of objects) console.log(`${formatBytes(o.sizeBytes).padStart(10)}  ${o.key}`);
    console.log(`${formatBytes(total(objects)).padStart(10)}  total, ${objects.length} objects`);
    return;
  }
  const jobs = new Map<string, Record<string, number>>();
  for (const area of StorageAreas) {
    for (const o of await storage.list(`${area}/`)) {
      const id = o.key.split('/')[1];
      const sizes = jobs.get(id) ?? {};
      sizes[area] = (sizes[area] ?? 0) + o.sizeBytes;
      jobs.set(id, sizes);
    }
  }
  const rows = [...jobs].map(([id, sizes]) => ({ jobId: id, ...sizes }));
  if (flags.json) return console.log(JSON.stringify(rows, null, 2));
  console.log(['job', ...StorageAreas].join('\t'));
  for (const [id, sizes] of jobs)
    console.log([id, ...StorageAreas.map((a) => formatBytes(sizes[a] ?? 0))].join('\t'));
}

const total = (objects: StoredObject[]) => objects.reduce((sum, o) => sum + o.sizeBytes, 0);
