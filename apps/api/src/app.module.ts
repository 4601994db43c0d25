import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AccessModule } from '@app/access';
import { ClipgenConfigModule } from '@app/config';
import { ClipgenLoggerModule } from '@app/operations';
import { QueueModule } from '@app/jobs';
import { MediaModule } from '@app/media';
import { PersistenceModule } from '@app/persistence';
import { StorageModule } from '@app/storage';
import { WebhooksModule } from '@app/webhooks';
import { ApiKeyGuard } from './auth/api-key.guard';
import { OwnedJobs } from './auth/owned-jobs';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { ClipRequestService } from './clips/clip-request.service';
import { ClipRequestsController } from './clips/clip-requests.controller';
import { DownloadController } from './download/download.controller';
import { DownloadLinks } from './download/download-links';
import { PublicUrls } from './common/public-urls';
import { HealthController } from './health/health.controller';
import { StartupSelfCheck } from './health/startup-self-check';
import { JobDeletionService } from './jobs/job-deletion.service';
import { JobsController } from './jobs/jobs.controller';
import { EditListService } from './jobs/edit-list/edit-list.service';
import { JobEventStreams } from './jobs/events/job-event-streams';
import { JobEventsController } from './jobs/events/job-events.controller';
import { JobViews } from './jobs/job-views.service';
import { ApiMetricsService } from './metrics/api-metrics.service';
import { CloudWatchPublisher } from './metrics/cloudwatch-publisher.service';
import { MetricsController } from './metrics/metrics.controller';
import { DrainService } from './lifecycle/drain.service';
import { ApiRedisModule } from './redis/api-redis.module';
import { ResumableUploadsController } from './resumable/resumable-uploads.controller';
import { TusUploads } from './resumable/tus-uploads';
import { StatusController } from './status/status.controller';
import { RateLimitGuard } from './throttling/rate-limit.guard';
import { RateLimitModule } from './throttling/rate-limit.module';
import { IdempotencyStore } from './upload/idempotency/idempotency-store';
import { UploadController } from './upload/upload.controller';
import { UploadService } from './upload/upload.service';
import { VideoAdmission } from './upload/video-admission.service';
import { CallbackPolicy } from './upload/callback-policy';

@Module({
  imports: [
    ClipgenConfigModule,
    ClipgenLoggerModule.forService('api'),
    PersistenceModule,
    StorageModule,
    QueueModule,
    MediaModule,
    AccessModule,
    ApiRedisModule,
    RateLimitModule,
    WebhooksModule,
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
  ],
  controllers: [
    UploadController,
    ResumableUploadsController,
    StatusController,
    JobsController,
    JobEventsController,
    ClipRequestsController,
    DownloadController,
    HealthController,
    MetricsController,
  ],
  providers: [
    // Guards run in this order: who is calling, then how often they may.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    OwnedJobs,
    DownloadLinks,
    PublicUrls,
    VideoAdmission,
    CallbackPolicy,
    UploadService,
    IdempotencyStore,
    TusUploads,
    ClipRequestService,
    JobDeletionService,
    DrainService,
    StartupSelfCheck,
    JobViews,
    EditListService,
    JobEventStreams,
    ApiMetricsService,
    CloudWatchPublisher,
  ],
})
export class AppModule {}
