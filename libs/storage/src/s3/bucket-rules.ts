import type {
  LifecycleRule,
  PublicAccessBlockConfiguration,
  ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import type { BucketLifecycleDays } from '@app/config';

/** What `clipgen s3 setup` writes; the AWS stack declares the same rules for its bucket. */
export function lifecycleRules(days: BucketLifecycleDays): LifecycleRule[] {
  const expire = (area: string, after: number): LifecycleRule => ({
    ID: `clipgen-expire-${area}`,
    Status: 'Enabled',
    Filter: { Prefix: `${area}/` },
    Expiration: { Days: after },
  });
  return [
    expire('uploads', days.uploads),
    expire('processing', days.processing),
    ...(days.results ? [expire('results', days.results)] : []),
    {
      ID: 'clipgen-abort-incomplete-multipart',
      Status: 'Enabled',
      Filter: { Prefix: '' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: days.abortIncompleteMultipart },
    },
  ];
}

/** Refuses every request that does not come over TLS, whoever makes it. */
export function tlsOnlyPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

export const BLOCK_ALL_PUBLIC_ACCESS: PublicAccessBlockConfiguration = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export const DEFAULT_ENCRYPTION: ServerSideEncryptionConfiguration = {
  Rules: [
    { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
  ],
};
