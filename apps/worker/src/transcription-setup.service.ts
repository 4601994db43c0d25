import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TranscriptionEngine } from '@app/transcription';

/**
 * Says at start-up what will transcribe, and warns about helpers that are missing (jobs still run
 * on their fallbacks), so an operator sees a degraded install before users see worse captions.
 */
@Injectable()
export class TranscriptionSetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Transcription');

  constructor(private readonly engine: TranscriptionEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.engine.checkReady();
    } catch (err) {
      // Jobs fail with the same message (ASR_MODEL_MISSING); the worker stays up for the rest.
      this.logger.error((err as Error).message);
      return;
    }
    const { summary, degraded } = await this.engine.describeSetup();
    this.logger.log(summary);
    for (const problem of degraded) this.logger.warn(problem);
  }
}
