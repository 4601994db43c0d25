/** One attempt to deliver a job's completion callback, as shown in the job. */
export interface WebhookDelivery {
  /** 1 for the first try. */
  attempt: number;
  event: 'job.completed' | 'job.failed' | 'job.cancelled';
  at: string;
  /** HTTP status answered; null when no answer came (refused, timed out, blocked address). */
  statusCode: number | null;
  ok: boolean;
  /** Why it failed, for people; null when it was delivered. */
  error: string | null;
  durationMs: number;
}
