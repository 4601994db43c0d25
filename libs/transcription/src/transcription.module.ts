import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { whisperConfig } from '@app/config';
import { TranscriptionEngine } from './transcription.engine';
import { WhisperCppEngine } from './whisper-cpp.engine';

export function createTranscriptionEngine(
  config: ConfigType<typeof whisperConfig>,
): TranscriptionEngine {
  return new WhisperCppEngine({
    binary: config.binary,
    modelsDir: config.modelsDir,
    model: config.model,
    threads: config.threads,
  });
}

@Module({
  providers: [
    {
      provide: TranscriptionEngine,
      inject: [whisperConfig.KEY],
      useFactory: createTranscriptionEngine,
    },
  ],
  exports: [TranscriptionEngine],
})
export class TranscriptionModule {}
