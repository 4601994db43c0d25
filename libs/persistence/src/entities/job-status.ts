export enum JobStatus {
  Queued = 'queued',
  Processing = 'processing',
  Completed = 'completed',
  Failed = 'failed',
  /** Stopped on request (DELETE): its files are gone; the row stays so every party sees why. */
  Cancelled = 'cancelled',
}

/** States a job never leaves. */
export const FINAL_JOB_STATUSES = [JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled];

/** Pipeline stages in execution order. */
export enum PipelineStage {
  Probe = 'probe',
  Transcribe = 'transcribe',
  Select = 'select',
  Frame = 'frame',
  Render = 'render',
  Publish = 'publish',
}
