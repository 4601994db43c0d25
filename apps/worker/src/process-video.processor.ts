import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@app/config';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, ProcessVideoPayload, ProcessVideoResult, QueueName } from '@app/jobs';
import { ClipRepository, JobRepository, JobStatus } from '@app/persistence';
import { PipelineError, PipelineService } from '@app/pipeline';

/** Consumes process-video jobs: runs the pipeline, records failure, decides whether to retry. */
@Processor(QueueName.VideoProcessing, { concurrency: 1, lockDuration: 60_000 })
export class ProcessVideoProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(ProcessVideoProcessor.name);
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly pipeline: PipelineService,
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.app.workerConcurrency;
  }

  async process(job: Job<ProcessVideoPayload, ProcessVideoResult>): Promise<ProcessVideoResult> {
    if (job.name !== JobName.ProcessVideo) throw new UnrecoverableError(`unknown job ${job.name}`);
    const { jobId, sourceKey, options } = job.data;
    if (!(await this.jobs.findById(jobId))) {
      throw new UnrecoverableError(`job ${jobId} has no database record`);
    }
    const abort = new AbortController();
    this.running.set(jobId, abort);
    try {
      await this.pipeline.run(
        { jobId, sourceKey, options, signal: abort.signal },
        { onProgress: (e) => void job.updateProgress(e.progress).catch(() => undefined) },
      );
      return { jobId, clipCount: (await this.clips.listByJob(jobId)).length };
    } catch (err) {
      throw await this.recordFailure(job, err);
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Final failures are written to the job row; retryable ones put it back in the queue state. */
  private async recordFailure(job: Job<ProcessVideoPayload>, err: unknown): Promise<Error> {
    const failure =
      err instanceof PipelineError ? err : new PipelineError('INTERNAL', String(err), null);
    const attemptsLeft = (job.opts.attempts ?? 1) - (job.attemptsMade + 1);
    if (failure.retryable && attemptsLeft > 0) {
      this.logger.warn(
        `job ${job.data.jobId} failed (${failure.code}), ${attemptsLeft} attempts left: ${failure.message}`,
      );
      await this.jobs.update(job.data.jobId, { status: JobStatus.Queued, stage: null });
      return failure;
    }
    this.logger.error(
      `job ${job.data.jobId} failed for good (${failure.code}): ${failure.message}`,
    );
    await this.jobs.markFailed(job.data.jobId, failure.code, failure.message);
    return new UnrecoverableError(`${failure.code}: ${failure.message}`);
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`worker error: ${err.message}`);
  }

  /** Stops engines of in-flight jobs on shutdown; BullMQ re-delivers them to the next worker. */
  onApplicationShutdown(): void {
    for (const abort of this.running.values()) abort.abort();
  }
}
