import { Duration } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import {
  AppServiceProps,
  metricNamespace,
  sharedEnvironment,
  sharedSecrets,
} from './app-environment';

/** Fargate's longest stop timeout: the worker drains for a little less. */
const STOP_TIMEOUT_SEC = 120;

/** Workers on Fargate, scaled by the queue's backlog (the API's QueueDepth metric). */
export class WorkerService extends Construct {
  readonly service: ecs.FargateService;
  readonly queueDepth: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: AppServiceProps) {
    super(scope, id);
    const { foundation, settings } = props;
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: settings.workerCpu,
      memoryLimitMiB: settings.workerMemoryMiB,
      taskRole: props.taskRole,
      // Scratch for the source and renders of the job in hand (a 3-hour source is ~5 GB).
      ephemeralStorageGiB: 100,
    });
    task.addContainer('worker', {
      image: ecs.ContainerImage.fromEcrRepository(
        foundation.repositories.worker,
        settings.imageTag,
      ),
      environment: {
        ...sharedEnvironment(foundation, settings),
        WORKER_CONCURRENCY: '1',
        WORKER_METRICS_PORT: '9464',
        SHUTDOWN_GRACE_SEC: String(STOP_TIMEOUT_SEC - 20),
      },
      secrets: sharedSecrets(foundation),
      logging: ecs.LogDrivers.awsLogs({ logGroup: props.logGroup, streamPrefix: 'worker' }),
      stopTimeout: Duration.seconds(STOP_TIMEOUT_SEC),
      healthCheck: {
        command: [
          'CMD',
          'node',
          '-e',
          "fetch('http://127.0.0.1:9464/metrics').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))",
        ],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
    });
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      taskDefinition: task,
      desiredCount: settings.workerMin,
      securityGroups: [props.tasksGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });

    this.queueDepth = new cloudwatch.Metric({
      namespace: metricNamespace(settings),
      metricName: 'QueueDepth',
      // Every API replica writes the same figure: the largest is the backlog.
      statistic: 'Maximum',
      period: Duration.minutes(1),
    });
    const scaling = this.service.autoScaleTaskCount({
      minCapacity: settings.workerMin,
      maxCapacity: settings.workerMax,
    });
    scaling.scaleOnMetric('QueueDepth', {
      metric: this.queueDepth,
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      // Out after two minutes of backlog, more at once for a bigger one; in by one after two
      // minutes with nothing waiting. A worker stopped by scale-in drains; an unfinished job
      // resumes from its checkpoint on another worker.
      scalingSteps: [
        { upper: 0, change: -1 },
        { lower: 1, change: +1 },
        { lower: 4, change: +2 },
        { lower: 10, change: +4 },
      ],
      evaluationPeriods: 2,
      cooldown: Duration.minutes(3),
    });
  }
}
