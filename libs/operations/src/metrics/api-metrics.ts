import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface QueueSnapshot {
  queue: string;
  counts: Record<string, number>;
  /** Seconds the oldest waiting job has waited; 0 when none waits. */
  oldestWaitingSec: number;
}

/** Where the API's gauges read from, at each scrape (so replicas agree and nothing drifts). */
export interface ApiMetricSources {
  jobsByStatus(): Promise<Record<string, number>>;
  queues(): Promise<QueueSnapshot[]>;
  workers(): Promise<{ alive: number; busySlots: number; slots: number }>;
}

/** One read shared by the gauges of one scrape (they are collected concurrently). */
function sharedRead<T>(read: () => Promise<T>, ms = 1000): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ms) last = { at: Date.now(), value: read() };
    return last.value;
  };
}

/**
 * A source that fails (Redis or the database down) empties its gauge instead of failing the whole
 * scrape; `clipgen_metrics_source_up{source}` says which could not be read.
 */
function guarded(collect: (this: Gauge) => Promise<void>) {
  return async function (this: Gauge) {
    try {
      await collect.call(this);
    } catch {
      this.reset();
    }
  };
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

/** The API's metrics: its own HTTP traffic, and the state of jobs, queues and workers. */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'clipgen_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status (uploads include the transfer)',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  constructor(sources: ApiMetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'clipgen_api_' });
    const registers = [this.registry];
    const jobs = sharedRead(() => sources.jobsByStatus());
    const queues = sharedRead(() => sources.queues());
    const workers = sharedRead(() => sources.workers());
    new Gauge({
      name: 'clipgen_metrics_source_up',
      help: '1 when this scrape could read the source (database, queues, heartbeats), else 0',
      labelNames: ['source'],
      registers,
      async collect() {
        const reads = { database: jobs, queues, heartbeats: workers };
        for (const [source, read] of Object.entries(reads))
          this.set(
            { source },
            await read().then(
              () => 1,
              () => 0,
            ),
          );
      },
    });
    new Gauge({
      name: 'clipgen_jobs',
      help: 'Jobs in the database by status',
      labelNames: ['status'],
      registers,
      collect: guarded(async function () {
        this.reset();
        const counts = await jobs();
        for (const status of ['queued', 'processing', 'completed', 'failed', 'cancelled'])
          this.set({ status }, counts[status] ?? 0);
      }),
    });
    new Gauge({
      name: 'clipgen_queue_oldest_waiting_seconds',
      help: 'Age of the oldest job waiting in each queue (0 when none waits)',
      labelNames: ['queue'],
      registers,
      collect: guarded(async function () {
        for (const q of await queues()) this.set({ queue: q.queue }, q.oldestWaitingSec);
      }),
    });
    new Gauge({
      name: 'clipgen_queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers,
      collect: guarded(async function () {
        this.reset();
        for (const q of await queues())
          for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
      }),
    });
    new Gauge({
      name: 'clipgen_workers_alive',
      help: 'Workers with a heartbeat younger than HEALTH_WORKER_MAX_AGE_SEC',
      registers,
      collect: guarded(async function () {
        this.set((await workers()).alive);
      }),
    });
    new Gauge({
      name: 'clipgen_workers_busy_ratio',
      help: 'Share of all live workers’ job slots in use',
      registers,
      collect: guarded(async function () {
        const w = await workers();
        this.set(w.slots ? w.busySlots / w.slots : 0);
      }),
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }
}
