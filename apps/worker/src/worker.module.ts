import { Module } from '@nestjs/common';
import { ClipgenConfigModule } from '@app/config';
import { QueueModule } from '@app/jobs';
import { PipelineModule } from '@app/pipeline';
import { ProcessVideoProcessor } from './process-video.processor';
import { RequeueUnfinishedService } from './requeue-unfinished.service';
import { TranscriptionSetupService } from './transcription-setup.service';

@Module({
  imports: [ClipgenConfigModule, QueueModule, PipelineModule],
  providers: [ProcessVideoProcessor, RequeueUnfinishedService, TranscriptionSetupService],
})
export class WorkerModule {}
