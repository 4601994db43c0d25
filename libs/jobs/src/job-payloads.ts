import { ClipOptions } from './clip-options';
import { JobName } from './queue-name.enum';

export interface ProcessVideoPayload {
  jobId: string;
  /** Storage key of the uploaded source video. */
  sourceKey: string;
  options: ClipOptions;
}

export interface ProcessVideoResult {
  jobId: string;
  clipCount: number;
}

/** A clip asked for on a finished job, already resolved to sentence bounds by the API or CLI. */
export interface RenderRequestedClipPayload {
  jobId: string;
  requestId: string;
  /** Clip times (seconds, padding included) and what was asked, for the record. */
  start: number;
  end: number;
  asked: { start: number; end: number } | { query: string };
}

export interface RenderRequestedClipResult {
  jobId: string;
  clipIndex: number;
}

/** One clip of a job whose frame stage is done, rendered apart from the rest (fan-out). */
export interface RenderClipPayload {
  jobId: string;
  index: number;
}

export type WebhookEvent = 'job.completed' | 'job.failed' | 'job.cancelled';

export interface DeliverWebhookPayload {
  jobId: string;
  event: WebhookEvent;
}

export interface DeliverWebhookResult {
  jobId: string;
  statusCode: number;
}

/** Payload and result type of every job name, so producers and consumers cannot drift apart. */
export interface JobContract {
  [JobName.ProcessVideo]: { payload: ProcessVideoPayload; result: ProcessVideoResult };
  [JobName.RenderRequestedClip]: {
    payload: RenderRequestedClipPayload;
    result: RenderRequestedClipResult;
  };
  [JobName.DeliverWebhook]: { payload: DeliverWebhookPayload; result: DeliverWebhookResult };
  /** The result is the pipeline's record of the stored clip (its StoredRender). */
  [JobName.RenderClip]: { payload: RenderClipPayload; result: { index: number } };
}

export type JobPayloadOf<N extends JobName> = JobContract[N]['payload'];
export type JobResultOf<N extends JobName> = JobContract[N]['result'];
