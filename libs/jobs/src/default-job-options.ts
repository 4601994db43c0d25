import type { JobsOptions } from 'bullmq';
import { JobName } from './queue-name.enum';

/**
 * Retry and retention policy for every job, in one place. Completed and failed jobs stay in Redis
 * for a bounded time and count so operators can inspect them; the database is the record of truth.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.ProcessVideo]: DEFAULT_JOB_OPTIONS,
  [JobName.RenderRequestedClip]: { ...DEFAULT_JOB_OPTIONS, attempts: 2 },
  // Attempts and backoff come from the webhook configuration when each delivery is queued.
  [JobName.DeliverWebhook]: DEFAULT_JOB_OPTIONS,
  // A child that fails for good leaves its clip to the parent, which renders it itself.
  [JobName.RenderClip]: { ...DEFAULT_JOB_OPTIONS, ignoreDependencyOnFailure: true },
};
