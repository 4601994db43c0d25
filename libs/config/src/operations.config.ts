import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.validation';

/** Health probes, heartbeats and metrics: what operators watch. */
export interface OperationsConfig {
  /** How often a worker says it is alive. */
  heartbeatIntervalMs: number;
  /** A worker whose last beat is older than this counts as gone. */
  workerMaxAgeMs: number;
  /** Readiness fails while no worker has beaten within workerMaxAgeMs. */
  requireWorker: boolean;
  logging: {
    level: string;
    format: 'json' | 'pretty';
  };
  metrics: {
    enabled: boolean;
    /** When set, /metrics wants `Authorization: Bearer <token>`; otherwise only private addresses. */
    token?: string;
    /** The worker's own metrics port (0: none). */
    workerPort: number;
    /**
     * CloudWatch namespace for queue metrics written as Embedded Metric Format lines on stdout
     * (the AWS stack scales workers and raises alarms on them); unset: none written.
     */
    cloudWatchNamespace?: string;
    cloudWatchIntervalMs: number;
  };
}

export const operationsConfig = registerAs('operations', (): OperationsConfig => {
  const e = validateEnv(process.env) as Record<string, never>;
  return {
    heartbeatIntervalMs: (e.HEARTBEAT_INTERVAL_SEC as number) * 1000,
    workerMaxAgeMs: (e.HEALTH_WORKER_MAX_AGE_SEC as number) * 1000,
    requireWorker: e.HEALTH_REQUIRE_WORKER,
    logging: {
      level: e.LOG_LEVEL,
      // People read development logs; machines read the rest.
      format: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json'),
    },
    metrics: {
      enabled: e.METRICS_ENABLED,
      token: e.METRICS_TOKEN,
      workerPort: e.WORKER_METRICS_PORT,
      cloudWatchNamespace: e.CLOUDWATCH_METRICS_NAMESPACE,
      cloudWatchIntervalMs: (e.CLOUDWATCH_METRICS_INTERVAL_SEC as number) * 1000,
    },
  };
});
