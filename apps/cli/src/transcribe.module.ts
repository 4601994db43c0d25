import { Module } from '@nestjs/common';
import { ClipgenConfigModule } from '@app/config';
import { MediaModule } from '@app/media';
import { TranscriptionModule } from '@app/transcription';

/** Just Whisper and ffmpeg: `clipgen transcribe` touches no database or storage. */
@Module({ imports: [ClipgenConfigModule, MediaModule, TranscriptionModule] })
export class TranscribeModule {}
