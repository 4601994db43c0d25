import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, synthesize } from './test-app';

describe('foundation stack (synthesised offline)', () => {
  const { foundation } = synthesize();

  it('spreads a VPC over two availability zones with public, task and isolated data subnets', () => {
    foundation.resourceCountIs('AWS::EC2::VPC', 1);
    foundation.resourceCountIs('AWS::EC2::Subnet', 6);
    foundation.resourceCountIs('AWS::EC2::NatGateway', 1);
    foundation.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      VpcEndpointType: 'Gateway',
    });
  });

  it('keeps media in a private, encrypted, TLS-only bucket whose areas expire', () => {
    foundation.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
        ],
      },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 7, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'processing/', ExpirationInDays: 7 }),
          Match.objectLike({ Prefix: 'results/', ExpirationInDays: 30 }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ],
      },
    });
    foundation.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('keeps results forever when asked', () => {
    const rules = resourcesOf(
      synthesize({ resultsExpireDays: 0 }).foundation,
      'AWS::S3::Bucket',
    )[0][1].LifecycleConfiguration.Rules as { Prefix?: string }[];
    expect(rules.map((r) => r.Prefix)).toEqual(['uploads/', 'processing/', undefined]);
  });

  it('has one scanned, immutable image repository per app', () => {
    const repos = resourcesOf(foundation, 'AWS::ECR::Repository').map(([, p]) => p);
    expect(repos.map((r) => r.RepositoryName).sort()).toEqual([
      'clipgen-prod-api',
      'clipgen-prod-worker',
    ]);
    for (const repo of repos) {
      expect(repo.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
      expect(repo.ImageTagMutability).toBe('IMMUTABLE');
    }
  });

  it('runs PostgreSQL encrypted and private, its password generated into Secrets Manager', () => {
    foundation.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      DeletionProtection: true,
      DBName: 'clipgen',
      MasterUserPassword: Match.objectLike({
        'Fn::Join': Match.arrayWith([
          Match.arrayWith([Match.stringLikeRegexp('resolve:secretsmanager')]),
        ]),
      }),
    });
    // Four application secrets and the database's.
    foundation.resourceCountIs('AWS::SecretsManager::Secret', 5);
  });

  it('runs Redis with TLS, encryption at rest and no eviction (BullMQ keeps jobs there)', () => {
    foundation.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
    });
    foundation.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
      Properties: { 'maxmemory-policy': 'noeviction' },
    });
  });

  it('admits nobody to the database or Redis by itself', () => {
    for (const [, group] of resourcesOf(foundation, 'AWS::EC2::SecurityGroup'))
      expect(group.SecurityGroupIngress ?? []).toEqual([]);
    foundation.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });
});
