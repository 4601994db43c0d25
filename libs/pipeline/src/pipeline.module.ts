import { Module } from '@nestjs/common';
import {
  ActiveSpeakerFraming,
  FaceAnalyzer,
  FramingStrategy,
  HumanFaceAnalyzer,
} from '@app/detection';
import { LanguageModule } from '@app/language';
import { MediaModule } from '@app/media';
import { PersistenceModule } from '@app/persistence';
import { StorageModule } from '@app/storage';
import { TranscriptionModule } from '@app/transcription';
import { bundledFontsDir } from './fonts-dir';
import { PipelineService } from './pipeline.service';
import { RequestedClipService } from './requested-clip/requested-clip.service';
import { FONTS_DIR } from './pipeline.types';

/** Everything one job needs to run end to end, for the worker and the CLI alike. */
@Module({
  imports: [PersistenceModule, StorageModule, TranscriptionModule, MediaModule, LanguageModule],
  providers: [
    PipelineService,
    RequestedClipService,
    { provide: FaceAnalyzer, useClass: HumanFaceAnalyzer },
    { provide: FramingStrategy, useClass: ActiveSpeakerFraming },
    { provide: FONTS_DIR, useFactory: bundledFontsDir },
  ],
  exports: [
    PipelineService,
    RequestedClipService,
    PersistenceModule,
    StorageModule,
    TranscriptionModule,
    MediaModule,
    LanguageModule,
  ],
})
export class PipelineModule {}
