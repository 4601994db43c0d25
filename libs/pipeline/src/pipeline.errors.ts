import { MEDIA_ERROR_CODES, MediaError, MediaErrorCode, ProcessFailedError } from '@app/media';
import { PipelineStage } from '@app/persistence';
import { InsufficientSpaceError } from '@app/storage';
import { ModelNotInstalledError, TranscriptionError } from '@app/transcription';

export type PipelineErrorCode =
  | MediaErrorCode
  | 'DISK_FULL'
  | 'JOB_TIMEOUT'
  | 'ASR_FAILED'
  | 'ASR_MODEL_MISSING'
  | 'SELECT_FAILED'
  | 'FRAME_FAILED'
  | 'RENDER_FAILED'
  | 'STORAGE_FAILED'
  | 'CANCELLED'
  | 'INTERNAL';

/** Errors a retry cannot fix: bad media, a missing model, a job past its time limit. */
const PERMANENT: PipelineErrorCode[] = [
  ...MEDIA_ERROR_CODES,
  'ASR_MODEL_MISSING',
  'JOB_TIMEOUT',
  'CANCELLED',
];

const STAGE_CODE: Record<PipelineStage, PipelineErrorCode> = {
  [PipelineStage.Probe]: 'MEDIA_INVALID',
  [PipelineStage.Transcribe]: 'ASR_FAILED',
  [PipelineStage.Select]: 'SELECT_FAILED',
  [PipelineStage.Frame]: 'FRAME_FAILED',
  [PipelineStage.Render]: 'RENDER_FAILED',
  [PipelineStage.Publish]: 'STORAGE_FAILED',
};

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    message: string,
    readonly stage: PipelineStage | null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return !PERMANENT.includes(this.code);
  }
}

/** Gives any error thrown inside a stage a stable, stage-specific code. */
export function toPipelineError(err: unknown, stage: PipelineStage): PipelineError {
  if (err instanceof PipelineError) return err;
  if (err instanceof ProcessFailedError && err.reason === 'aborted') {
    return new PipelineError('CANCELLED', 'the job was cancelled', stage);
  }
  if (err instanceof MediaError) return new PipelineError(err.code, err.message, stage);
  if (err instanceof InsufficientSpaceError)
    return new PipelineError('DISK_FULL', err.message, stage);
  if (err instanceof ModelNotInstalledError)
    return new PipelineError('ASR_MODEL_MISSING', err.message, stage);
  if (err instanceof TranscriptionError) return new PipelineError('ASR_FAILED', err.message, stage);
  const message = err instanceof Error ? err.message : String(err);
  return new PipelineError(STAGE_CODE[stage], `${stage} failed: ${message}`, stage);
}
