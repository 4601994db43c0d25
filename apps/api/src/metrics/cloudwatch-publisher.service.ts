import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { operationsConfig } from '@app/config';
import { emfRecord, queueFigures } from '@app/operations';
import { ApiMetricsService } from './api-metrics.service';

/**
 * With CLOUDWATCH_METRICS_NAMESPACE set, writes the queue figures as one Embedded Metric Format
 * line on stdout per interval; on AWS the log driver ships it and CloudWatch makes metrics of it.
 * Every API replica writes its own: the stack reads them with Maximum, so copies agree.
 */
@Injectable()
export class CloudWatchPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CloudWatchPublisher.name);
  private timer?: NodeJS.Timeout;
  private failedBefore: number | null = null;

  constructor(
    private readonly metrics: ApiMetricsService,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
  ) {}

  onModuleInit(): void {
    const namespace = this.ops.metrics.cloudWatchNamespace;
    if (!namespace) return;
    this.timer = setInterval(
      () => void this.publish(namespace),
      this.ops.metrics.cloudWatchIntervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async publish(
    namespace: string,
    write: (line: string) => void = (line) => void process.stdout.write(line),
  ): Promise<void> {
    try {
      const { sources } = this.metrics;
      const [queues, jobs, workers] = await Promise.all([
        sources.queues(),
        sources.jobsByStatus(),
        sources.workers(),
      ]);
      const failedNow = jobs.failed ?? 0;
      const figures = queueFigures(queues, failedNow, this.failedBefore, workers.alive);
      this.failedBefore = failedNow;
      write(`${JSON.stringify(emfRecord(namespace, figures))}\n`);
    } catch (err) {
      // A missed record is a gap in a graph; the next interval tries again.
      this.logger.warn(`queue metrics not published: ${(err as Error).message}`);
    }
  }
}
