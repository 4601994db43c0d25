import type { JobEntity } from '@app/persistence';
import { publicText } from '../../common/public-text';
import { estimate } from '../../status/job-status.mapper';

/** What one Server-Sent Event about a job carries (the status endpoint's progress fields). */
export interface JobEvent {
  jobId: string;
  status: string;
  stage: string | null;
  stageProgress: number;
  progress: number;
  etaSeconds: number | null;
  estimatedCompletionAt: string | null;
  notice: string | null;
  error: { code: string; message: string } | null;
}

export const FINAL_STATUSES = new Set(['completed', 'failed', 'cancelled']);

export function toJobEvent(job: JobEntity): JobEvent {
  return {
    jobId: job.id,
    status: job.status,
    stage: job.stage,
    stageProgress: job.stageProgress ?? 0,
    progress: job.progress,
    ...estimate(job),
    notice: job.notice ? publicText(job.notice) : null,
    error: job.errorCode ? { code: job.errorCode, message: publicText(job.errorMessage) } : null,
  };
}

/**
 * One event in the text/event-stream format: `progress` while the job runs, then one named after
 * its final status (or `deleted`), after which the stream ends.
 */
export function formatEvent(name: string, id: number, data: unknown): string {
  return `event: ${name}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}
