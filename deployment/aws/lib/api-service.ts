import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import {
  AppServiceProps,
  metricNamespace,
  sharedEnvironment,
  sharedSecrets,
} from './app-environment';

const LIVENESS = '/api/health/live';

/** The API on Fargate behind an internet-facing ALB: HTTPS only, HTTP redirected. */
export class ApiService extends Construct {
  readonly service: patterns.ApplicationLoadBalancedFargateService;

  constructor(scope: Construct, id: string, props: AppServiceProps) {
    super(scope, id);
    const { foundation, settings } = props;
    const zone = settings.hostedZoneId
      ? route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
          hostedZoneId: settings.hostedZoneId,
          zoneName: settings.hostedZoneName!,
        })
      : undefined;
    const certificate = settings.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn)
      : new acm.Certificate(this, 'Certificate', {
          domainName: settings.domainName,
          // With a zone the records are made here; without, ACM lists them (DOMAIN_SETUP.md).
          validation: acm.CertificateValidation.fromDns(zone),
        });

    this.service = new patterns.ApplicationLoadBalancedFargateService(this, 'Service', {
      cluster: props.cluster,
      desiredCount: settings.apiTasks,
      cpu: 512,
      memoryLimitMiB: 1024,
      protocol: elb.ApplicationProtocol.HTTPS,
      certificate,
      sslPolicy: elb.SslPolicy.RECOMMENDED_TLS,
      redirectHTTP: true,
      ...(zone ? { domainName: settings.domainName, domainZone: zone } : {}),
      publicLoadBalancer: true,
      // Uploads are long requests; the ALB cuts a connection idle for longer than this.
      idleTimeout: Duration.minutes(5),
      securityGroups: [props.tasksGroup],
      taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { rollback: true },
      // `aws ecs execute-command` runs the CLI in a task (API keys: printed to you, not to logs).
      enableExecuteCommand: true,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
      taskImageOptions: {
        image: ecs.ContainerImage.fromEcrRepository(foundation.repositories.api, settings.imageTag),
        containerName: 'api',
        containerPort: 3000,
        taskRole: props.taskRole,
        environment: {
          ...sharedEnvironment(foundation, settings),
          PORT: '3000',
          AUTH_DISABLED: 'false',
          // One hop: the ALB. Rate limits and logs then see the client's address.
          TRUST_PROXY: '1',
          CORS_ORIGINS: settings.corsOrigins,
          CLOUDWATCH_METRICS_NAMESPACE: metricNamespace(settings),
        },
        secrets: sharedSecrets(foundation),
        logDriver: ecs.LogDrivers.awsLogs({ logGroup: props.logGroup, streamPrefix: 'api' }),
      },
    });
    // Liveness, not readiness: a database blip must not take every task out of the target group.
    this.service.targetGroup.configureHealthCheck({
      path: LIVENESS,
      healthyHttpCodes: '200',
      interval: Duration.seconds(15),
    });
    this.service.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '30');
    const container = this.service.taskDefinition.defaultContainer!;
    container.addUlimits({ name: ecs.UlimitName.NOFILE, softLimit: 65536, hardLimit: 65536 });
  }
}
