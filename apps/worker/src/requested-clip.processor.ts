import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobLoggingHost } from './operations/job-logging.host';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import {
  AbortReason,
  JobName,
  QueueName,
  RenderRequestedClipPayload,
  RenderRequestedClipResult,
} from '@app/jobs';
import { ClipRequestRefused, PipelineError, RequestedClipService } from '@app/pipeline';
import { ClipRequestError } from '@app/selection';
import { handBackOnShutdown, RunningJobs } from './running-jobs';
import { WORKER_OPTIONS } from './process-video.processor';

/** A requested clip renders one clip: half an hour is far more than it needs. */
const REQUEST_TIMEOUT_MS = 30 * 60_000;

/**
 * Renders clips asked for on finished jobs. The queue runs one request at a time across all
 * workers (global concurrency 1), so each new clip takes the next free index without a race.
 * Cancelling the job stops its request too (same abort switch as the job's).
 */
@Processor(QueueName.ClipRequests, { ...WORKER_OPTIONS, concurrency: 1 })
export class RequestedClipProcessor
  extends JobLoggingHost<RenderRequestedClipPayload, RenderRequestedClipResult>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(RequestedClipProcessor.name);

  constructor(
    private readonly requested: RequestedClipService,
    private readonly running: RunningJobs,
    @InjectQueue(QueueName.ClipRequests) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.setGlobalConcurrency(1);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.pause(true);
  }

  protected async handle(
    job: Job<RenderRequestedClipPayload, RenderRequestedClipResult>,
    token?: string,
  ): Promise<RenderRequestedClipResult> {
    if (job.name !== JobName.RenderRequestedClip)
      throw new UnrecoverableError(`unknown job ${job.name}`);
    const { jobId } = job.data;
    return this.running.run(jobId, REQUEST_TIMEOUT_MS, async (abort) => {
      try {
        const clipIndex = await this.requested.render(
          job.data,
          abort.signal,
          (f) => void job.updateProgress(Math.round(f * 100)).catch(() => undefined),
        );
        return { jobId, clipIndex };
      } catch (err) {
        const reason = abort.signal.reason as AbortReason | undefined;
        await handBackOnShutdown(job, token, reason);
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn(`job ${jobId}: requested clip failed: ${message}`);
        const final =
          reason === 'cancel' ||
          err instanceof ClipRequestRefused ||
          err instanceof ClipRequestError ||
          (err instanceof PipelineError && !err.retryable);
        throw final ? new UnrecoverableError(message) : err;
      }
    });
  }
}
