import { Module } from '@nestjs/common';
import {
  ActiveSpeakerFraming,
  FaceAnalyzer,
  FramingStrategy,
  HumanFaceAnalyzer,
} from '@app/detection';
import { LanguageModule } from '@app/language';
import { renderConfig } from '@app/config';
import { MEDIA_BINARIES, MediaModule } from '@app/media';
import { PersistenceModule } from '@app/persistence';
import { StorageModule } from '@app/storage';
import { TranscriptionModule } from '@app/transcription';
import { PipelineService } from './pipeline.service';
import { RequestedClipService } from './requested-clip/requested-clip.service';
import { ClipRenderService } from './fan-out/clip-render.service';
import { RENDER_SETTINGS, resolveRenderSettings } from './render/render-settings';

/** Everything one job needs to run end to end, for the worker and the CLI alike. */
@Module({
  imports: [PersistenceModule, StorageModule, TranscriptionModule, MediaModule, LanguageModule],
  providers: [
    PipelineService,
    RequestedClipService,
    ClipRenderService,
    { provide: FaceAnalyzer, useClass: HumanFaceAnalyzer },
    { provide: FramingStrategy, useClass: ActiveSpeakerFraming },
    {
      provide: RENDER_SETTINGS,
      inject: [MEDIA_BINARIES, renderConfig.KEY],
      useFactory: resolveRenderSettings,
    },
  ],
  exports: [
    PipelineService,
    RequestedClipService,
    ClipRenderService,
    PersistenceModule,
    StorageModule,
    TranscriptionModule,
    MediaModule,
    LanguageModule,
  ],
})
export class PipelineModule {}
