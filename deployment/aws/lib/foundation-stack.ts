import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DataStores } from './data-stores';
import { DeploymentSettings } from './settings';

/** Secrets the application reads, each generated once and kept across deployments. */
export const APP_SECRETS = [
  'URL_SIGNING_SECRET',
  'WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'ADMIN_API_KEY',
] as const;
export type AppSecretName = (typeof APP_SECRETS)[number];

/**
 * What lives longer than any release: the network, image repositories, the bucket, the database,
 * Redis and the secrets. Deployed first, on its own, so images can be pushed before services run.
 */
export class FoundationStack extends Stack {
  readonly vpc: ec2.Vpc;
  readonly repositories: Record<'api' | 'worker', ecr.Repository>;
  readonly bucket: s3.Bucket;
  readonly data: DataStores;
  readonly appSecrets: Record<AppSecretName, secrets.Secret>;

  constructor(scope: Construct, id: string, settings: DeploymentSettings, props?: StackProps) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, 'Network', {
      maxAzs: 2,
      // One NAT gateway: tasks reach ECR, Secrets Manager and webhooks through it; two AZs of
      // NAT double a fixed monthly cost for an outage that only stops outbound calls.
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'tasks', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    // Storage traffic stays inside the VPC and off the NAT gateway's per-GB charge.
    this.vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });

    const repository = (name: string) =>
      new ecr.Repository(this, `${name}Repository`, {
        repositoryName: `clipgen-${settings.stage}-${name.toLowerCase()}`,
        imageScanOnPush: true,
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        lifecycleRules: [{ description: 'keep the last 30 images', maxImageCount: 30 }],
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.repositories = { api: repository('Api'), worker: repository('Worker') };

    this.bucket = new s3.Bucket(this, 'Media', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: bucketLifecycle(settings),
    });

    this.data = new DataStores(this, 'Data', {
      vpc: this.vpc,
      multiAz: settings.databaseMultiAz,
    });

    const secret = (name: AppSecretName) =>
      new secrets.Secret(this, name.replace(/_/g, ''), {
        description: `clipgen ${settings.stage} ${name}`,
        generateSecretString: { excludePunctuation: true, passwordLength: 48 },
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.appSecrets = Object.fromEntries(APP_SECRETS.map((n) => [n, secret(n)])) as Record<
      AppSecretName,
      secrets.Secret
    >;
  }
}

/** The same areas and rules as `clipgen s3 setup` writes (libs/storage bucket-rules). */
function bucketLifecycle(settings: DeploymentSettings): s3.LifecycleRule[] {
  const expire = (area: string, days: number): s3.LifecycleRule => ({
    id: `clipgen-expire-${area}`,
    prefix: `${area}/`,
    expiration: Duration.days(days),
  });
  return [
    expire('uploads', settings.uploadsExpireDays),
    expire('processing', settings.processingExpireDays),
    ...(settings.resultsExpireDays ? [expire('results', settings.resultsExpireDays)] : []),
    {
      id: 'clipgen-abort-incomplete-multipart',
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    },
  ];
}
