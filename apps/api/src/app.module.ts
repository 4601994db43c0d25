import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ClipgenConfigModule } from '@app/config';
import { QueueModule } from '@app/jobs';
import { MediaModule } from '@app/media';
import { PersistenceModule } from '@app/persistence';
import { StorageModule } from '@app/storage';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { ClipRequestService } from './clips/clip-request.service';
import { ClipRequestsController } from './clips/clip-requests.controller';
import { DownloadController } from './download/download.controller';
import { HealthController } from './health/health.controller';
import { JobDeletionService } from './jobs/job-deletion.service';
import { JobsController } from './jobs/jobs.controller';
import { DrainService } from './lifecycle/drain.service';
import { StatusController } from './status/status.controller';
import { UploadController } from './upload/upload.controller';
import { UploadService } from './upload/upload.service';

@Module({
  imports: [
    ClipgenConfigModule,
    PersistenceModule,
    StorageModule,
    QueueModule,
    MediaModule,
    TerminusModule.forRoot({ errorLogStyle: 'pretty' }),
  ],
  controllers: [
    UploadController,
    StatusController,
    JobsController,
    ClipRequestsController,
    DownloadController,
    HealthController,
  ],
  providers: [
    UploadService,
    ClipRequestService,
    JobDeletionService,
    DrainService,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
