import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface DataStoresProps {
  vpc: ec2.IVpc;
  multiAz: boolean;
}

export const DATABASE_NAME = 'clipgen';
export const DATABASE_USER = 'clipgen';

/** PostgreSQL (RDS) and Redis (ElastiCache), in isolated subnets, encrypted, reachable by tasks. */
export class DataStores extends Construct {
  readonly database: rds.DatabaseInstance;
  readonly redis: elasticache.CfnReplicationGroup;
  /** Closed groups: the services stack admits its tasks (a rule here would tie the stacks in a loop). */
  readonly databaseGroup: ec2.SecurityGroup;
  readonly redisGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    const dbGroup = new ec2.SecurityGroup(this, 'DatabaseGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
    });
    this.databaseGroup = dbGroup;
    this.database = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
      vpcSubnets: isolated,
      securityGroups: [dbGroup],
      databaseName: DATABASE_NAME,
      // The password is generated into Secrets Manager and never appears in the template.
      credentials: rds.Credentials.fromGeneratedSecret(DATABASE_USER),
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      storageEncrypted: true,
      multiAz: props.multiAz,
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const redisGroup = new ec2.SecurityGroup(this, 'RedisGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
    });
    this.redisGroup = redisGroup;
    const subnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'clipgen Redis',
      subnetIds: props.vpc.selectSubnets(isolated).subnetIds,
    });
    // BullMQ keeps job state in Redis: an eviction policy would drop jobs under memory pressure.
    const parameters = new elasticache.CfnParameterGroup(this, 'RedisParameters', {
      cacheParameterGroupFamily: 'redis7',
      description: 'clipgen: never evict',
      properties: { 'maxmemory-policy': 'noeviction' },
    });
    this.redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'clipgen queues, heartbeats, rate limits',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.t4g.micro',
      numCacheClusters: 1,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [redisGroup.securityGroupId],
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      cacheParameterGroupName: parameters.ref,
      snapshotRetentionLimit: 3,
    });
  }

  /** What REDIS_URL and DATABASE_URL point at (TLS to both; the password comes apart). */
  get redisUrl(): string {
    return `rediss://${this.redis.attrPrimaryEndPointAddress}:${this.redis.attrPrimaryEndPointPort}`;
  }

  get databaseUrl(): string {
    const { hostname, port } = this.database.instanceEndpoint;
    return `postgres://${DATABASE_USER}@${hostname}:${port}/${DATABASE_NAME}?sslmode=no-verify`;
  }
}
