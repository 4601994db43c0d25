import { CfnOutput, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { Alarms } from './alarms';
import { ApiService } from './api-service';
import { bucketAccess } from './bucket-access';
import { FoundationStack } from './foundation-stack';
import { DeploymentSettings } from './settings';
import { WorkerService } from './worker-service';

/** One release: the cluster, both services on one image tag, their roles, logs and alarms. */
export class ServicesStack extends Stack {
  readonly api: ApiService;
  readonly worker: WorkerService;

  constructor(
    scope: Construct,
    id: string,
    foundation: FoundationStack,
    settings: DeploymentSettings,
    props?: StackProps,
  ) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: foundation.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const tasksGroup = new ec2.SecurityGroup(this, 'Tasks', {
      vpc: foundation.vpc,
      description: 'clipgen api and worker tasks',
    });
    const admit = (id: string, group: ec2.ISecurityGroup, port: number, what: string) =>
      new ec2.CfnSecurityGroupIngress(this, id, {
        groupId: group.securityGroupId,
        sourceSecurityGroupId: tasksGroup.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        description: `${what} from clipgen tasks`,
      });
    admit('DatabaseFromTasks', foundation.data.databaseGroup, 5432, 'PostgreSQL');
    admit('RedisFromTasks', foundation.data.redisGroup, 6379, 'Redis');
    const logGroup = (name: string) =>
      new logs.LogGroup(this, `${name}Logs`, {
        logGroupName: `/clipgen/${settings.stage}/${name.toLowerCase()}`,
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    const taskRole = (name: string, statements: iam.PolicyStatement[]) => {
      const role = new iam.Role(this, `${name}TaskRole`, {
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
        description: `clipgen ${settings.stage} ${name.toLowerCase()} tasks`,
      });
      for (const statement of statements) role.addToPolicy(statement);
      return role;
    };

    // The API stores uploads, serves (or presigns) results and deletes a job everywhere.
    const apiRole = taskRole(
      'Api',
      bucketAccess(foundation.bucket, {
        uploads: ['write', 'delete'],
        processing: ['delete'],
        results: ['read', 'delete'],
      }),
    );
    // Workers read sources, write intermediates and results, and clean up after a job.
    const workerRole = taskRole(
      'Worker',
      bucketAccess(foundation.bucket, {
        uploads: ['read', 'delete'],
        processing: ['read', 'write', 'delete'],
        results: ['read', 'write', 'delete'],
      }),
    );

    this.api = new ApiService(this, 'Api', {
      cluster,
      foundation,
      settings,
      taskRole: apiRole,
      logGroup: logGroup('Api'),
      tasksGroup,
    });
    this.worker = new WorkerService(this, 'Worker', {
      cluster,
      foundation,
      settings,
      taskRole: workerRole,
      logGroup: logGroup('Worker'),
      tasksGroup,
    });
    new Alarms(this, 'Alarms', { settings, loadBalancer: this.api.service.loadBalancer });
    // Read by deploy.sh before an update: the version to go back to if the new one fails.
    new CfnOutput(this, 'ImageTag', { value: settings.imageTag });
    new CfnOutput(this, 'LoadBalancerDns', {
      value: this.api.service.loadBalancer.loadBalancerDnsName,
    });
  }
}
