import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { JobLoggingHost } from './operations/job-logging.host';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job, UnrecoverableError, WaitingChildrenError, WaitingError } from 'bullmq';
import { appConfig, limitsConfig } from '@app/config';
import {
  AbortReason,
  JobName,
  ProcessVideoPayload,
  ProcessVideoResult,
  QueueName,
} from '@app/jobs';
import { JobRepository, JobStatus } from '@app/persistence';
import { PipelineError, PipelineService, PipelineSuspended } from '@app/pipeline';
import { WebhookDispatch } from '@app/webhooks';
import { FanOutPolicy } from './fan-out/fan-out-policy';
import { WorkerMetricsService } from './operations/worker-metrics.service';
import { RunningJobs } from './running-jobs';

/** Short locks and frequent stall checks: a dead worker's job is back in the queue in seconds. */
export const WORKER_OPTIONS = {
  concurrency: 1,
  lockDuration: 30_000,
  stalledInterval: 5_000,
  // A job that kills its worker twice in a row is failed rather than retried forever.
  maxStalledCount: 2,
};

const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/**
 * Consumes process-video jobs. A job ends in one of four ways, each written to its row: done;
 * failed (retried while attempts are left, resuming from its checkpoint); handed back to the queue
 * on shutdown (no attempt spent); or cancelled on request (its files deleted).
 */
@Processor(QueueName.VideoProcessing, WORKER_OPTIONS)
export class ProcessVideoProcessor
  extends JobLoggingHost<ProcessVideoPayload, ProcessVideoResult>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(ProcessVideoProcessor.name);

  constructor(
    private readonly pipeline: PipelineService,
    private readonly jobs: JobRepository,
    private readonly running: RunningJobs,
    private readonly monitor: WorkerMetricsService,
    private readonly webhooks: WebhookDispatch,
    private readonly fanOut: FanOutPolicy,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.app.workerConcurrency;
  }

  /**
   * Graceful stop, before Nest closes the queue and database connections: take no new job, then
   * hand every running one back to the queue.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await this.worker.pause(true);
    await this.running.stopAll(signal);
  }

  protected async handle(
    job: Job<ProcessVideoPayload, ProcessVideoResult>,
    token?: string,
  ): Promise<ProcessVideoResult> {
    if (job.name !== JobName.ProcessVideo) throw new UnrecoverableError(`unknown job ${job.name}`);
    if (this.running.isStopping && token) {
      // Fetched while stopping: straight back, untouched, for the next worker.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const { jobId, sourceKey, options } = job.data;
    const row = await this.jobs.findById(jobId);
    if (!row) throw new UnrecoverableError(`job ${jobId} has no database record`);
    const duration = row.sourceMetadata?.durationSec ?? 0;
    const timeoutMs =
      1000 * Math.max(this.limits.jobTimeoutMinSec, this.limits.jobTimeoutFactor * duration);

    return this.running.run(jobId, timeoutMs, async (abort) => {
      try {
        const outcome = await this.pipeline.run(
          { jobId, sourceKey, options, signal: abort.signal },
          {
            onProgress: (e) => void job.updateProgress(e.progress).catch(() => undefined),
            onStageDone: (stage, seconds) => this.monitor.metrics.stageDone(stage, seconds),
            dispatch: this.fanOut.dispatchFor(job, token),
          },
        );
        if ((await this.jobs.findById(jobId))?.status === JobStatus.Cancelled) {
          // Cancelled while its last files were being written: those go too.
          await this.pipeline.discard(jobId, true);
          this.monitor.metrics.jobEnded('cancelled');
          await this.webhooks.notify(jobId, 'job.cancelled');
          return { jobId, clipCount: 0 };
        }
        this.monitor.metrics.jobEnded('completed', duration);
        await this.webhooks.notify(jobId, 'job.completed');
        return { jobId, clipCount: outcome.clipCount };
      } catch (err) {
        throw await this.settle(job, err, abort.signal.reason as AbortReason | undefined, token);
      }
    });
  }

  /** Turns a stopped run into its end state and the error that tells BullMQ what to do next. */
  private async settle(
    job: Job<ProcessVideoPayload>,
    err: unknown,
    reason: AbortReason | undefined,
    token: string | undefined,
  ): Promise<Error> {
    const { jobId } = job.data;
    if (err instanceof PipelineSuspended) {
      // Its clips render on any worker; it runs again once they all have finished.
      this.logger.log(`job ${jobId}: ${err.message}`);
      return new WaitingChildrenError();
    }
    if (reason === 'shutdown' && token) {
      await this.jobs.markQueued(jobId, 'its worker stopped; it resumes on the next worker');
      await job.moveToWait(token);
      this.monitor.metrics.jobEnded('requeued');
      this.logger.log(`job ${jobId} handed back to the queue`);
      return new WaitingError();
    }
    const failure =
      reason === 'timeout'
        ? new PipelineError('JOB_TIMEOUT', 'the job ran longer than its time limit', null)
        : err instanceof PipelineError
          ? err
          : new PipelineError('INTERNAL', String(err), null);
    if (failure.code === 'CANCELLED') {
      const status = (await this.jobs.findById(jobId))?.status;
      if (status !== JobStatus.Cancelled)
        return new UnrecoverableError(`job ${jobId} is ${status ?? 'gone'}: not run again`);
      // Cancelled on request (the row already says so): nothing of it may stay behind.
      await this.pipeline.discard(jobId, true);
      this.monitor.metrics.jobEnded('cancelled');
      await this.webhooks.notify(jobId, 'job.cancelled');
      this.logger.log(`job ${jobId} cancelled`);
      return new UnrecoverableError('CANCELLED: the job was cancelled');
    }
    const attemptsLeft = (job.opts.attempts ?? 1) - (job.attemptsMade + 1);
    if (failure.retryable && attemptsLeft > 0) {
      this.logger.warn(
        `job ${jobId} failed (${failure.code}), ${attemptsLeft} attempts left: ${failure.message}`,
      );
      await this.jobs.markQueued(
        jobId,
        `attempt ${job.attemptsMade + 1} failed (${failure.code}: ${failure.message}); retrying`,
      );
      this.monitor.metrics.jobEnded('retried');
      return failure;
    }
    this.logger.error(`job ${jobId} failed for good (${failure.code}): ${failure.message}`);
    await this.jobs.markFailed(jobId, failure.code, failure.message);
    this.monitor.metrics.jobEnded('failed');
    await this.webhooks.notify(jobId, 'job.failed');
    await this.pipeline.discard(jobId);
    return new UnrecoverableError(`${failure.code}: ${failure.message}`);
  }

  /** Another worker died holding this job; BullMQ put it back in the queue: the row says so. */
  @OnWorkerEvent('stalled')
  async onStalled(jobId: string): Promise<void> {
    this.logger.warn(`job ${jobId} stalled (its worker stopped responding); requeued`);
    await this.jobs
      .markQueued(jobId, 'its worker stopped responding; it resumes on another worker')
      .catch(() => undefined);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<ProcessVideoPayload> | undefined, err: Error): Promise<void> {
    if (!job || !err.message.includes(STALLED_TOO_OFTEN)) return;
    const jobId = job.data.jobId;
    this.logger.error(
      `job ${jobId} failed: its worker died ${WORKER_OPTIONS.maxStalledCount + 1} times`,
    );
    await this.jobs
      .markFailed(jobId, 'WORKER_LOST', 'the worker running this job died repeatedly')
      .catch(() => undefined);
    await this.pipeline.discard(jobId).catch(() => undefined);
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`worker error: ${err.message}`);
  }
}
