import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Stages last from under a second (select) to an hour (transcribing a long talk on a laptop).
const STAGE_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3600];

/** What a worker measures about its own work, in its own registry (served on its metrics port). */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly stageSeconds = new Histogram({
    name: 'clipgen_stage_duration_seconds',
    help: 'Wall time of one pipeline stage of one job',
    labelNames: ['stage'],
    buckets: STAGE_BUCKETS,
    registers: [this.registry],
  });
  private readonly mediaSeconds = new Counter({
    name: 'clipgen_media_processed_seconds_total',
    help: 'Seconds of source media in jobs this worker completed',
    registers: [this.registry],
  });
  private readonly finished = new Counter({
    name: 'clipgen_jobs_finished_total',
    help: 'Jobs this worker ended, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  constructor(busyShare: () => number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'clipgen_worker_' });
    new Gauge({
      name: 'clipgen_worker_busy_ratio',
      help: 'Share of the worker job slots (WORKER_CONCURRENCY) in use',
      registers: [this.registry],
      collect() {
        this.set(busyShare());
      },
    });
  }

  stageDone(stage: string, seconds: number): void {
    this.stageSeconds.observe({ stage }, seconds);
  }

  jobEnded(outcome: 'completed' | 'failed' | 'retried' | 'cancelled' | 'requeued', mediaSec = 0) {
    this.finished.inc({ outcome });
    if (outcome === 'completed' && mediaSec > 0) this.mediaSeconds.inc(mediaSec);
  }
}
