import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { redisConfig } from '@app/config';
import { redisConnectionFromUrl } from '@app/jobs';

/**
 * The API's own Redis client (rate-limit counters, idempotency keys). Commands fail at once while
 * Redis is unreachable instead of queueing, so a request is answered rather than left hanging.
 */
@Injectable()
export class ApiRedis implements OnModuleDestroy {
  readonly client: Redis;
  /** Every key this client writes starts with it (QUEUE_PREFIX), so deployments can share Redis. */
  readonly prefix: string;

  constructor(@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>) {
    this.prefix = config.prefix;
    this.client = new Redis({
      ...(redisConnectionFromUrl(config.url) as RedisOptions),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    // Reconnection is automatic; a refused connection must not become an unhandled error event.
    this.client.on('error', () => undefined);
  }

  /** Resolves once connected (commands fail fast before that), or rejects after `ms`. */
  whenReady(ms: number): Promise<void> {
    if (this.client.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        reject(new Error(`not connected after ${ms} ms`));
      }, ms);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', onReady);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
