import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { BucketLifecycleDays } from '@app/config';
import {
  BLOCK_ALL_PUBLIC_ACCESS,
  DEFAULT_ENCRYPTION,
  lifecycleRules,
  tlsOnlyPolicy,
} from './bucket-rules';
import { isNotFound, isNotImplemented } from './s3-client';

export type SetupOutcome = 'created' | 'exists' | 'applied' | 'unsupported' | 'failed';

export interface SetupStep {
  name: string;
  outcome: SetupOutcome;
  detail?: string;
}

export interface BucketSetupOptions {
  bucket: string;
  region: string;
  lifecycle: BucketLifecycleDays;
}

/**
 * Creates the bucket when missing, then (re)applies each setting; running it again updates them.
 * A server without a feature (S3-compatible stores often lack policies or lifecycle) is reported,
 * not fatal; any other error is.
 */
export async function setUpBucket(
  client: S3Client,
  options: BucketSetupOptions,
): Promise<SetupStep[]> {
  const { bucket, region } = options;
  const steps: SetupStep[] = [await ensureBucket(client, bucket, region)];
  if (steps[0].outcome === 'failed') return steps;
  const apply = async (name: string, send: () => Promise<unknown>, detail: string) => {
    try {
      await send();
      steps.push({ name, outcome: 'applied', detail });
    } catch (err) {
      steps.push(
        isNotImplemented(err)
          ? { name, outcome: 'unsupported', detail: 'this server does not implement it' }
          : { name, outcome: 'failed', detail: (err as Error).message },
      );
    }
  };
  const Bucket = bucket;
  await apply(
    'public access block',
    () =>
      client.send(
        new PutPublicAccessBlockCommand({
          Bucket,
          PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
        }),
      ),
    'all four settings on',
  );
  await apply(
    'default encryption',
    () =>
      client.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: DEFAULT_ENCRYPTION,
        }),
      ),
    'SSE-S3 (AES256) with bucket keys',
  );
  await apply(
    'TLS-only policy',
    () => client.send(new PutBucketPolicyCommand({ Bucket, Policy: tlsOnlyPolicy(bucket) })),
    'denies requests without aws:SecureTransport',
  );
  const rules = lifecycleRules(options.lifecycle);
  await apply(
    'lifecycle',
    () =>
      client.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket,
          LifecycleConfiguration: { Rules: rules },
        }),
      ),
    describeLifecycle(options.lifecycle),
  );
  return steps;
}

async function ensureBucket(client: S3Client, bucket: string, region: string): Promise<SetupStep> {
  const name = `bucket ${bucket}`;
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return { name, outcome: 'exists' };
  } catch (err) {
    if (!isNotFound(err)) return { name, outcome: 'failed', detail: (err as Error).message };
  }
  try {
    // us-east-1 is the one region that refuses an explicit location constraint.
    const location = region === 'us-east-1' ? undefined : { LocationConstraint: region as never };
    await client.send(
      new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: location }),
    );
    return { name, outcome: 'created', detail: region };
  } catch (err) {
    return { name, outcome: 'failed', detail: (err as Error).message };
  }
}

function describeLifecycle(days: BucketLifecycleDays): string {
  const results = days.results ? `results/ ${days.results} d` : 'results/ kept';
  return `uploads/ ${days.uploads} d, processing/ ${days.processing} d, ${results}, incomplete multipart ${days.abortIncompleteMultipart} d`;
}
