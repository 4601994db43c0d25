import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '@app/config';
import { QueueName } from './queue-name.enum';
import { redisConnectionFromUrl } from './redis-connection';

/** Redis connection and every queue, registered once for the API (producer) and worker (consumer). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (redis: ConfigType<typeof redisConfig>) => ({
        connection: redisConnectionFromUrl(redis.url),
        prefix: redis.prefix,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueueModule {}
