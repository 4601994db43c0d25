import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { whisperConfig } from '@app/config';
import { PocketSphinxAligner } from './alignment/pocketsphinx.aligner';
import { TranscriptionEngine } from './transcription.engine';
import { SileroVad } from './vad/silero.vad';
import { WhisperCppEngine, WhisperCppOptions } from './whisper-cpp.engine';

/** The configured engine; `overrides` let benchmarks vary the model or beam. */
export function createTranscriptionEngine(
  config: ConfigType<typeof whisperConfig>,
  overrides: Partial<WhisperCppOptions> = {},
): WhisperCppEngine {
  return new WhisperCppEngine({
    binary: config.binary,
    modelsDir: config.modelsDir,
    model: config.model,
    threads: config.threads,
    profile: config.profile,
    aligner:
      config.wordAlignment === 'forced'
        ? new PocketSphinxAligner({
            python: config.toolsPython,
            script: config.alignerScript,
            processes: config.threads,
          })
        : null,
    vad:
      config.voiceActivity === 'silero'
        ? new SileroVad({ python: config.toolsPython, script: config.vadScript })
        : null,
    ...overrides,
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
