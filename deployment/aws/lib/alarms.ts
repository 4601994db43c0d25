import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { metricNamespace } from './app-environment';
import { DeploymentSettings } from './settings';

export interface AlarmsProps {
  settings: DeploymentSettings;
  loadBalancer: elb.ApplicationLoadBalancer;
}

/** What pages someone: server errors, a queue nobody drains, jobs failing, no workers. */
export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { settings } = props;
    this.topic = new sns.Topic(this, 'Topic', { displayName: `clipgen ${settings.stage} alarms` });
    if (settings.alarmEmail)
      this.topic.addSubscription(new subscriptions.EmailSubscription(settings.alarmEmail));
    const custom = (metricName: string, statistic: string, minutes: number) =>
      new cloudwatch.Metric({
        namespace: metricNamespace(settings),
        metricName,
        statistic,
        period: Duration.minutes(minutes),
      });

    const alarms = [
      new cloudwatch.Alarm(this, 'Api5xx', {
        alarmDescription:
          'The API answered 5xx (or the ALB found no healthy task) 10+ times in 5 minutes',
        metric: new cloudwatch.MathExpression({
          expression: 'target + elb',
          usingMetrics: {
            target: props.loadBalancer.metrics.httpCodeTarget(elb.HttpCodeTarget.TARGET_5XX_COUNT, {
              period: Duration.minutes(5),
              statistic: 'Sum',
            }),
            elb: props.loadBalancer.metrics.httpCodeElb(elb.HttpCodeElb.ELB_5XX_COUNT, {
              period: Duration.minutes(5),
              statistic: 'Sum',
            }),
          },
          period: Duration.minutes(5),
        }),
        threshold: 10,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'QueueAge', {
        alarmDescription:
          'A job has waited 30+ minutes for a worker (or the API stopped publishing queue figures)',
        metric: custom('QueueOldestWaitingSeconds', 'Maximum', 5),
        threshold: 1800,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // Silence from the publisher is itself a fault worth a look.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
      new cloudwatch.Alarm(this, 'FailedJobs', {
        alarmDescription: '3+ jobs failed within 15 minutes',
        metric: custom('JobsFailed', 'Sum', 15),
        threshold: 3,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'NoWorkers', {
        alarmDescription: 'No worker heartbeat for 10 minutes: nothing is being processed',
        metric: custom('WorkersAlive', 'Maximum', 5),
        threshold: 1,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
    ];
    for (const alarm of alarms) {
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarm.addOkAction(new actions.SnsAction(this.topic));
    }
  }
}
