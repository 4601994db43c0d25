import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { operationsConfig, redisConfig } from '@app/config';
import { QueueName } from '@app/jobs';
import { ApiMetrics, ApiMetricSources, BeatRedis, QueueSnapshot, readBeats } from '@app/operations';
import { JobRepository } from '@app/persistence';
import { ApiRedis } from '../redis/api-redis';

/** The API's metrics, read at each scrape from the database, the queues and the heartbeats. */
@Injectable()
export class ApiMetricsService {
  readonly metrics: ApiMetrics;
  /** Also read by the CloudWatch publisher. */
  readonly sources: ApiMetricSources;

  constructor(
    jobs: JobRepository,
    redis: ApiRedis,
    @InjectQueue(QueueName.VideoProcessing) videoQueue: Queue,
    @InjectQueue(QueueName.ClipRequests) clipQueue: Queue,
    @InjectQueue(QueueName.ClipRenders) renderQueue: Queue,
    @Inject(redisConfig.KEY) redisConf: ConfigType<typeof redisConfig>,
    @Inject(operationsConfig.KEY) ops: ConfigType<typeof operationsConfig>,
  ) {
    this.sources = {
      jobsByStatus: () => jobs.countByStatus(),
      // Clips waiting to render count as backlog too: they are what more workers would take.
      queues: () => Promise.all([videoQueue, clipQueue, renderQueue].map(snapshot)),
      workers: async () => {
        const beats = await readBeats(
          redis.client as unknown as BeatRedis,
          redisConf.prefix,
          ops.workerMaxAgeMs,
        );
        return {
          alive: beats.length,
          busySlots: beats.reduce((n, b) => n + b.running.length, 0),
          slots: beats.reduce((n, b) => n + b.concurrency, 0),
        };
      },
    };
    this.metrics = new ApiMetrics(this.sources);
  }
}

async function snapshot(queue: Queue): Promise<QueueSnapshot> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
  // Lists hold the newest job first; ascending order starts from the oldest.
  const [oldest] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
  return {
    queue: queue.name,
    counts,
    oldestWaitingSec: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0,
  };
}
