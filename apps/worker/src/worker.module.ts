import { Module } from '@nestjs/common';
import { ClipgenConfigModule } from '@app/config';
import { ClipgenLoggerModule } from '@app/operations';
import { QueueModule } from '@app/jobs';
import { PipelineModule } from '@app/pipeline';
import { WebhooksModule } from '@app/webhooks';
import { CancellationListener } from './cancellation.listener';
import { ProcessVideoProcessor } from './process-video.processor';
import { RequestedClipProcessor } from './requested-clip.processor';
import { RequeueUnfinishedService } from './requeue-unfinished.service';
import { FanOutPolicy } from './fan-out/fan-out-policy';
import { RenderClipProcessor } from './fan-out/render-clip.processor';
import { RunningJobs } from './running-jobs';
import { HeartbeatService } from './operations/heartbeat.service';
import { StartupSelfCheck } from './operations/startup-self-check.service';
import { WorkerMetricsService } from './operations/worker-metrics.service';
import { WebhookProcessor } from './webhooks/webhook.processor';

@Module({
  imports: [
    ClipgenConfigModule,
    ClipgenLoggerModule.forService('worker'),
    QueueModule,
    PipelineModule,
    WebhooksModule,
  ],
  providers: [
    RunningJobs,
    ProcessVideoProcessor,
    RequestedClipProcessor,
    CancellationListener,
    RequeueUnfinishedService,
    StartupSelfCheck,
    HeartbeatService,
    WorkerMetricsService,
    WebhookProcessor,
    FanOutPolicy,
    RenderClipProcessor,
  ],
})
export class WorkerModule {}
