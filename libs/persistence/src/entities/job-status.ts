export enum JobStatus {
  Queued = 'queued',
  Processing = 'processing',
  Completed = 'completed',
  Failed = 'failed',
}

/** Pipeline stages in execution order. */
export enum PipelineStage {
  Probe = 'probe',
  Transcribe = 'transcribe',
  Select = 'select',
  Frame = 'frame',
  Render = 'render',
  Publish = 'publish',
}
