import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import * as path from 'node:path';
import { appConfig, limitsConfig, projectRoot, storageConfig } from '@app/config';
import { QueueName } from '@app/jobs';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import {
  bundledModelsCheck,
  databaseCheck,
  diskCheck,
  ffmpegCheck,
  logReport,
  redisCheck,
  runChecks,
  storageCheck,
  transcriptionCheck,
} from '@app/operations';
import { StorageDriver } from '@app/storage';
import { TranscriptionEngine } from '@app/transcription';

/**
 * The worker's start-up self-check (the same checks as `clipgen doctor`), in its log: an operator
 * sees a broken or degraded install before users see failed jobs or worse captions. The worker
 * stays up whatever it finds: jobs fail with the same reasons, and readiness tells the rest.
 */
@Injectable()
export class StartupSelfCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('SelfCheck');

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageDriver,
    private readonly engine: TranscriptionEngine,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(storageConfig.KEY) private readonly storageConf: ConfigType<typeof storageConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const results = await runChecks([
      ffmpegCheck(this.binaries.ffmpeg),
      transcriptionCheck(this.engine),
      bundledModelsCheck(path.join(projectRoot(), 'node_modules')),
      databaseCheck(async () => this.dataSource, this.dataSource.options.type),
      redisCheck(
        async () => ((await this.queue.client) as unknown as { ping(): Promise<string> }).ping(),
        'queue connection',
      ),
      storageCheck(this.storage, this.storageConf.type),
      diskCheck('work', this.app.workDir, this.limits.minFreeDiskBytes),
    ]);
    logReport(this.logger, results);
  }
}
