import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Client, lifecycleRules, setUpBucket } from '@app/storage';
import { S3_TEST_CREDENTIALS, startS3Server, TEST_LIFECYCLE, TestS3 } from '../support/s3-server';

/**
 * `clipgen s3 setup` against a real S3-protocol server. The test server creates buckets but
 * answers 501 to policies and lifecycle, so what those would set is checked on the requests sent.
 */
describe('S3 bucket set-up', () => {
  let s3: TestS3;
  let client: S3Client;
  const sent: { command: string; input: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    s3 = await startS3Server();
    client = createS3Client({
      bucket: s3.bucket,
      region: 'eu-west-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      presignDownloads: false,
      maxAttempts: 1,
      lifecycle: TEST_LIFECYCLE,
      ...S3_TEST_CREDENTIALS,
    });
    client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push({ command: context.commandName!, input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: 'recordRequests' },
    );
  });
  afterAll(async () => {
    client.destroy();
    await s3.close();
  });

  it('creates a missing bucket, applies every setting, and says which the server lacks', async () => {
    const steps = await setUpBucket(client, {
      bucket: 'clipgen-fresh',
      region: 'eu-west-1',
      lifecycle: TEST_LIFECYCLE,
    });
    expect(steps[0]).toEqual({
      name: 'bucket clipgen-fresh',
      outcome: 'created',
      detail: 'eu-west-1',
    });
    await expect(
      client.send(new HeadBucketCommand({ Bucket: 'clipgen-fresh' })),
    ).resolves.toBeDefined();
    expect(steps.map((s) => s.name)).toEqual([
      'bucket clipgen-fresh',
      'public access block',
      'default encryption',
      'TLS-only policy',
      'lifecycle',
    ]);
    // Only "not implemented" is forgiven: nothing failed outright.
    expect(steps.filter((s) => s.outcome === 'failed')).toEqual([]);
    expect(steps.find((s) => s.name === 'lifecycle')!.outcome).toBe('unsupported');

    const input = (command: string) => sent.find((s) => s.command === command)!.input;
    expect(input('CreateBucketCommand').CreateBucketConfiguration).toEqual({
      LocationConstraint: 'eu-west-1',
    });
    expect(input('PutPublicAccessBlockCommand').PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(input('PutBucketEncryptionCommand'))).toContain(
      '"SSEAlgorithm":"AES256"',
    );
    const policy = JSON.parse(input('PutBucketPolicyCommand').Policy as string);
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::clipgen-fresh', 'arn:aws:s3:::clipgen-fresh/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const rules = (
      input('PutBucketLifecycleConfigurationCommand').LifecycleConfiguration as {
        Rules: unknown[];
      }
    ).Rules;
    expect(rules).toEqual(lifecycleRules(TEST_LIFECYCLE));
  });

  it('updates an existing bucket without re-creating it', async () => {
    sent.length = 0;
    const steps = await setUpBucket(client, {
      bucket: s3.bucket,
      region: 'eu-west-1',
      lifecycle: TEST_LIFECYCLE,
    });
    expect(steps[0].outcome).toBe('exists');
    expect(sent.some((s) => s.command === 'CreateBucketCommand')).toBe(false);
  });
});
