import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { webhooksConfig } from '@app/config';
import { DeliverWebhookPayload, JOB_OPTIONS, JobName, QueueName, WebhookEvent } from '@app/jobs';
import { JobRepository } from '@app/persistence';

/**
 * Queues the callback of a job that just ended, when it asked for one. One delivery per job and
 * event (a second call is a no-op), retried with exponential backoff by the queue.
 */
@Injectable()
export class WebhookDispatch {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue<DeliverWebhookPayload>,
    private readonly jobs: JobRepository,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {}

  async notify(jobId: string, event: WebhookEvent): Promise<void> {
    try {
      const job = await this.jobs.findById(jobId);
      if (!job?.callbackUrl) return;
      await this.queue.add(
        JobName.DeliverWebhook,
        { jobId, event },
        {
          ...JOB_OPTIONS[JobName.DeliverWebhook],
          jobId: `${jobId}.${event}`,
          attempts: this.config.maxAttempts,
          backoff: { type: 'exponential', delay: this.config.backoffMs },
        },
      );
    } catch (err) {
      // The job's own outcome is recorded already; a lost callback must not undo it, but is said.
      this.logger.error(
        `callback for job ${jobId} (${event}) not queued: ${(err as Error).message}`,
      );
    }
  }
}
