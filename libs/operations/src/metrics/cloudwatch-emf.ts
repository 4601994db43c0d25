import type { QueueSnapshot } from './api-metrics';

/** The queue figures the AWS stack scales workers and raises alarms on. */
export interface QueueFigures {
  /** Jobs waiting for a worker in every queue (waiting, prioritized, or delayed for a retry). */
  QueueDepth: number;
  QueueOldestWaitingSeconds: number;
  /** Jobs that failed since the previous record. */
  JobsFailed: number;
  WorkersAlive: number;
}

const BACKLOG_STATES = ['waiting', 'prioritized', 'delayed'];

export function queueFigures(
  queues: QueueSnapshot[],
  failedNow: number,
  failedBefore: number | null,
  workersAlive: number,
): QueueFigures {
  return {
    QueueDepth: queues.reduce(
      (sum, q) => sum + BACKLOG_STATES.reduce((n, state) => n + (q.counts[state] ?? 0), 0),
      0,
    ),
    QueueOldestWaitingSeconds: Math.round(Math.max(0, ...queues.map((q) => q.oldestWaitingSec))),
    // The first record has nothing to compare with; a count that fell (jobs deleted) is no failure.
    JobsFailed: failedBefore === null ? 0 : Math.max(0, failedNow - failedBefore),
    WorkersAlive: workersAlive,
  };
}

/**
 * One CloudWatch Embedded Metric Format record: a log line CloudWatch Logs turns into metrics,
 * so publishing needs no AWS API call and no permission beyond writing logs.
 */
export function emfRecord(namespace: string, figures: QueueFigures, at = Date.now()): object {
  const units: Record<keyof QueueFigures, string> = {
    QueueDepth: 'Count',
    QueueOldestWaitingSeconds: 'Seconds',
    JobsFailed: 'Count',
    WorkersAlive: 'Count',
  };
  return {
    _aws: {
      Timestamp: at,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [[]],
          Metrics: Object.entries(units).map(([Name, Unit]) => ({ Name, Unit })),
        },
      ],
    },
    ...figures,
  };
}
