import type { WebhookEvent } from '@app/jobs';
import type { ClipEntity, JobEntity } from '@app/persistence';

/**
 * The body of a callback: the job's outcome and its clips in brief. Files are not linked here
 * (links are signed by the API and expire); `statusUrl` gives them, asked with the job's key.
 */
export function webhookPayload(
  event: WebhookEvent,
  job: JobEntity,
  clips: ClipEntity[],
  deliveryId: string,
  publicBaseUrl?: string,
) {
  const base = publicBaseUrl ?? '';
  return {
    id: deliveryId,
    event,
    occurredAt: new Date().toISOString(),
    job: {
      jobId: job.id,
      status: job.status,
      sourceFilename: job.sourceFilename,
      durationSec: job.sourceMetadata?.durationSec ?? null,
      createdAt: new Date(job.createdAt).toISOString(),
      completedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null,
      error: job.errorCode ? { code: job.errorCode } : null,
      statusUrl: `${base}/api/status/${job.id}`,
      detailUrl: `${base}/api/jobs/${job.id}`,
      clips: clips.map((c) => ({
        index: c.index,
        title: c.title,
        score: c.score,
        start: c.start,
        end: c.end,
      })),
    },
  };
}
