import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisConfig } from '@app/config';
import { cancelChannel, QueueName } from '@app/jobs';
import { RunningJobs } from './running-jobs';

/** Aborts a running job when the API announces its cancellation (see `cancelChannel`). */
@Injectable()
export class CancellationListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CancellationListener.name);
  private subscriber?: Redis;

  constructor(
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    private readonly running: RunningJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A subscribed connection can do nothing else: a connection of its own.
    this.subscriber = (await this.queue.client).duplicate() as unknown as Redis;
    this.subscriber.on('error', (err) => this.logger.warn(`cancel channel: ${err.message}`));
    this.subscriber.on('message', (_channel: string, jobId: string) => {
      if (this.running.abort(jobId, 'cancel')) this.logger.log(`cancelling job ${jobId}`);
    });
    await this.subscriber.subscribe(cancelChannel(this.redis.prefix));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
