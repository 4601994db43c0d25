import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { APP_SECRETS, FoundationStack } from './foundation-stack';
import { DeploymentSettings } from './settings';

/** What the API and worker services are each built from. */
export interface AppServiceProps {
  cluster: ecs.ICluster;
  foundation: FoundationStack;
  settings: DeploymentSettings;
  taskRole: iam.IRole;
  logGroup: logs.ILogGroup;
  /** Admitted by the database and Redis. */
  tasksGroup: ec2.ISecurityGroup;
}

/** The metric namespace the API writes queue figures to and the stack reads them from. */
export const metricNamespace = (settings: DeploymentSettings) => `Clipgen/${settings.stage}`;

/** Configuration both services share; every name is one the app's config schema accepts. */
export function sharedEnvironment(
  foundation: FoundationStack,
  settings: DeploymentSettings,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    DATABASE_URL: foundation.data.databaseUrl,
    REDIS_URL: foundation.data.redisUrl,
    QUEUE_PREFIX: `clipgen-${settings.stage}`,
    STORAGE_TYPE: 's3',
    S3_BUCKET: foundation.bucket.bucketName,
    S3_REGION: Aws.REGION,
    S3_PRESIGN_DOWNLOADS: 'true',
    S3_UPLOADS_EXPIRE_DAYS: String(settings.uploadsExpireDays),
    S3_PROCESSING_EXPIRE_DAYS: String(settings.processingExpireDays),
    S3_RESULTS_EXPIRE_DAYS: String(settings.resultsExpireDays),
    PUBLIC_BASE_URL: `https://${settings.domainName}`,
  };
}

/** Injected by ECS from Secrets Manager at task start; never in the template or the image. */
export function sharedSecrets(foundation: FoundationStack): Record<string, ecs.Secret> {
  const credentials = foundation.data.database.secret!;
  return {
    DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(credentials, 'password'),
    ...Object.fromEntries(
      APP_SECRETS.map((name) => [name, ecs.Secret.fromSecretsManager(foundation.appSecrets[name])]),
    ),
  };
}
