import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Server } from 'node:http';
import { appConfig, operationsConfig } from '@app/config';
import { WorkerMetrics, serveMetrics } from '@app/operations';
import { RunningJobs } from '../running-jobs';

/** The worker's Prometheus metrics, served on WORKER_METRICS_PORT (0: not served). */
@Injectable()
export class WorkerMetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  readonly metrics: WorkerMetrics;
  private server?: Server;

  constructor(
    running: RunningJobs,
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
  ) {
    this.metrics = new WorkerMetrics(() => running.ids.length / app.workerConcurrency);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, workerPort, token } = this.ops.metrics;
    if (!enabled || !workerPort) return;
    try {
      this.server = await serveMetrics(this.metrics.registry, workerPort, '0.0.0.0', token);
      this.logger.log(`metrics on :${workerPort}/metrics`);
    } catch (err) {
      // A second worker on the same host: it still works, its metrics need another port.
      this.logger.warn(
        `metrics not served on :${workerPort} (${(err as Error).message}); set WORKER_METRICS_PORT`,
      );
    }
  }

  onModuleDestroy(): void {
    this.server?.close();
  }
}
