import { Processor } from '@nestjs/bullmq';
import { JobLoggingHost } from '../operations/job-logging.host';
import { Inject, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job, UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { appConfig, clipgenVersion, webhooksConfig } from '@app/config';
import { DeliverWebhookPayload, DeliverWebhookResult, QueueName } from '@app/jobs';
import { ClipRepository, JobRepository } from '@app/persistence';
import {
  checkCallbackUrl,
  DeliveryOutcome,
  postWebhook,
  SIGNATURE_HEADER,
  signPayload,
  webhookPayload,
} from '@app/webhooks';

/**
 * Delivers completion callbacks: signed POSTs, each attempt written to the job (visible in
 * GET /api/jobs/{id}); a failed attempt throws so the queue retries it with backoff.
 */
@Processor(QueueName.Webhooks, { concurrency: 4 })
export class WebhookProcessor extends JobLoggingHost<DeliverWebhookPayload, DeliverWebhookResult> {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    super();
  }

  protected async handle(job: Job<DeliverWebhookPayload>): Promise<DeliverWebhookResult> {
    const { jobId, event } = job.data;
    const row = await this.jobs.findById(jobId);
    if (!row?.callbackUrl) throw new UnrecoverableError(`job ${jobId} is gone or has no callback`);
    if (!this.config.secret)
      throw new UnrecoverableError('WEBHOOK_SECRET is not set: callbacks cannot be signed');
    const deliveryId = randomUUID();
    const body = JSON.stringify(
      webhookPayload(
        event,
        row,
        await this.clips.listByJob(jobId),
        deliveryId,
        this.app.publicBaseUrl,
      ),
    );
    const attempt = job.attemptsMade + 1;
    const record = (outcome: DeliveryOutcome) =>
      this.jobs.recordDelivery(jobId, { attempt, event, at: new Date().toISOString(), ...outcome });
    let url: URL;
    try {
      // Checked on upload too; the operator may have refused private addresses since.
      url = checkCallbackUrl(row.callbackUrl, this.config.allowPrivate);
    } catch (err) {
      const error = (err as Error).message;
      await record({ statusCode: null, ok: false, error, durationMs: 0 });
      throw new UnrecoverableError(error);
    }
    const outcome = await postWebhook(
      url,
      body,
      {
        [SIGNATURE_HEADER]: signPayload(this.config.secret, body, Math.floor(Date.now() / 1000)),
        'X-Clipgen-Event': event,
        'X-Clipgen-Delivery': deliveryId,
        'X-Clipgen-Attempt': String(attempt),
        'User-Agent': `clipgen/${clipgenVersion()}`,
      },
      { timeoutMs: this.config.timeoutMs, allowPrivate: this.config.allowPrivate },
    );
    await record(outcome);
    if (!outcome.ok) {
      const last = attempt >= (job.opts.attempts ?? 1);
      this.logger.warn(
        `callback for job ${jobId} (${event}) attempt ${attempt} failed: ${outcome.error}${last ? '; giving up' : ''}`,
      );
      throw new Error(outcome.error ?? 'delivery failed');
    }
    return { jobId, statusCode: outcome.statusCode! };
  }
}
