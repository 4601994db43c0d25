import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { appConfig, limitsConfig, storageConfig } from '@app/config';
import {
  databaseCheck,
  diskCheck,
  logReport,
  redisCheck,
  runChecks,
  storageCheck,
} from '@app/operations';
import { StorageDriver } from '@app/storage';
import { ApiRedis } from '../redis/api-redis';

/**
 * The API's start-up self-check (what it depends on, out of `clipgen doctor`'s list), logged one
 * line per check. It never stops the API: readiness reports the same dependencies while it runs.
 */
@Injectable()
export class StartupSelfCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('SelfCheck');

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageDriver,
    private readonly redis: ApiRedis,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(storageConfig.KEY) private readonly storageConf: ConfigType<typeof storageConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const results = await runChecks(
      [
        databaseCheck(async () => this.dataSource, this.dataSource.options.type),
        redisCheck(
          () => this.redis.whenReady(2500).then(() => this.redis.client.ping()),
          'api connection',
        ),
        storageCheck(this.storage, this.storageConf.type),
        diskCheck('work', this.app.workDir, this.limits.minFreeDiskBytes),
      ],
      3000,
    );
    logReport(this.logger, results);
  }
}
