import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { StorageConfig } from '@app/config';

export type S3Settings = StorageConfig['s3'];

/** One client per endpoint: the one this process uses, or the one clients reach (presigning). */
export function createS3Client(config: S3Settings, endpoint = config.endpoint): S3Client {
  return new S3Client({
    region: config.region,
    endpoint,
    forcePathStyle: config.forcePathStyle,
    // Adaptive: exponential backoff with jitter, plus a client-side rate that slows down after
    // a throttling answer (503 SlowDown) instead of hammering the bucket's prefix.
    maxAttempts: config.maxAttempts,
    retryMode: 'adaptive',
    // Without keys here, the standard AWS chain (environment, profile, ECS task role, IMDS).
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
  });
}

export const isNotFound = (err: unknown): boolean =>
  err instanceof S3ServiceException &&
  (err.$metadata.httpStatusCode === 404 ||
    ['NoSuchKey', 'NotFound', 'NoSuchBucket'].includes(err.name));

/** S3-compatible servers that lack a bucket feature (policies, lifecycle) answer 501. */
export const isNotImplemented = (err: unknown): boolean =>
  err instanceof S3ServiceException &&
  (err.$metadata.httpStatusCode === 501 || err.name === 'NotImplemented');
