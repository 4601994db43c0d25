import { Module } from '@nestjs/common';
import { ClipgenConfigModule } from '@app/config';
import { PipelineModule } from '@app/pipeline';

/** Embedded mode: the whole pipeline in-process, no Redis (SQLite + local storage by default). */
@Module({ imports: [ClipgenConfigModule, PipelineModule] })
export class CliModule {}
