import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import * as os from 'node:os';
import { appConfig, clipgenVersion, operationsConfig, redisConfig } from '@app/config';
import { QueueName } from '@app/jobs';
import { BeatRedis, WorkerBeat, publishBeat, withdrawBeat } from '@app/operations';
import { workerIdentity } from '@app/pipeline';
import { RunningJobs } from '../running-jobs';

/**
 * Says in Redis, every HEARTBEAT_INTERVAL_SEC, that this worker is alive and what it runs; the
 * API's readiness and `clipgen doctor` read it. The beat expires by itself if the process dies.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Heartbeat');
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    private readonly running: RunningJobs,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), this.ops.heartbeatIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await withdrawBeat(await this.client(), this.redis.prefix, workerIdentity()).catch(
      () => undefined,
    );
  }

  private async client(): Promise<BeatRedis> {
    return (await this.queue.client) as unknown as BeatRedis;
  }

  private async beat(): Promise<void> {
    const beat: WorkerBeat = {
      workerId: workerIdentity(),
      host: os.hostname(),
      pid: process.pid,
      version: clipgenVersion(),
      startedAt: this.startedAt,
      beatAt: new Date().toISOString(),
      concurrency: this.app.workerConcurrency,
      running: this.running.ids,
    };
    // Three missed beats before the API counts this worker gone, at the least.
    const ttlSec = Math.ceil(
      Math.max(this.ops.workerMaxAgeMs, this.ops.heartbeatIntervalMs * 3) / 1000,
    );
    try {
      await publishBeat(await this.client(), this.redis.prefix, beat, ttlSec);
      if (this.failing) this.logger.log('heartbeat restored');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.logger.warn(`heartbeat not published: ${(err as Error).message}`);
      this.failing = true;
    }
  }
}
