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

/** Payload and result type of every job name, so producers and consumers cannot drift apart. */
export interface JobContract {
  [JobName.ProcessVideo]: { payload: ProcessVideoPayload; result: ProcessVideoResult };
}

export type JobPayloadOf<N extends JobName> = JobContract[N]['payload'];
export type JobResultOf<N extends JobName> = JobContract[N]['result'];
