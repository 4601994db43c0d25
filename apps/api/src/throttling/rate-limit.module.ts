import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { accessConfig } from '@app/config';
import { ApiRedis } from '../redis/api-redis';
import { ApiRedisModule } from '../redis/api-redis.module';
import { isUploadRoute } from './upload-route.decorator';

/**
 * Two limits per caller, counted in Redis: `uploads` for routes that start work, `reads` for the
 * rest. Each route counts against one of them.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ApiRedisModule],
      inject: [accessConfig.KEY, ApiRedis],
      useFactory: (access: ConfigType<typeof accessConfig>, redis: ApiRedis) => ({
        throttlers: [
          {
            name: 'uploads',
            limit: access.rateLimits.uploads.limit,
            ttl: access.rateLimits.uploads.windowMs,
            skipIf: (ctx) => !access.rateLimits.enabled || !isUploadRoute(ctx),
          },
          {
            name: 'reads',
            limit: access.rateLimits.reads.limit,
            ttl: access.rateLimits.reads.windowMs,
            skipIf: (ctx) => !access.rateLimits.enabled || isUploadRoute(ctx),
          },
        ],
        storage: new ThrottlerStorageRedisService(redis.client),
        // One counter per caller and limit across every route (the default counts per route).
        generateKey: (_ctx, tracker, name) => `${redis.prefix}:rate:${name}:${tracker}`,
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
