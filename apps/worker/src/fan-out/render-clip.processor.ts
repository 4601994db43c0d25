import { InjectQueue, Processor } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AbortReason, JobName, QueueName, RenderClipPayload } from '@app/jobs';
import { JobRepository, JobStatus, PipelineStage } from '@app/persistence';
import { ClipRenderService, PipelineError, StoredRender, trackJobProgress } from '@app/pipeline';
import { StorageDriver } from '@app/storage';
import { JobLoggingHost } from '../operations/job-logging.host';
import { WORKER_OPTIONS } from '../process-video.processor';
import { handBackOnShutdown, RunningJobs } from '../running-jobs';

/** One clip renders in minutes; an hour means something is stuck. */
const CLIP_TIMEOUT_MS = 60 * 60_000;

/**
 * Renders one clip of a running job (a child of its process-video job). Cancelling the job stops
 * it like the job's own run; a clip finished after its job was cancelled is deleted again.
 */
@Processor(QueueName.ClipRenders, WORKER_OPTIONS)
export class RenderClipProcessor
  extends JobLoggingHost<RenderClipPayload, StoredRender>
  implements BeforeApplicationShutdown
{
  private readonly logger = new Logger(RenderClipProcessor.name);

  constructor(
    private readonly clips: ClipRenderService,
    private readonly jobs: JobRepository,
    private readonly storage: StorageDriver,
    private readonly running: RunningJobs,
    @InjectQueue(QueueName.VideoProcessing) private readonly parents: Queue,
  ) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.pause(true);
  }

  protected async handle(job: Job<RenderClipPayload, StoredRender>, token?: string) {
    if (job.name !== JobName.RenderClip) throw new UnrecoverableError(`unknown job ${job.name}`);
    const { jobId, index } = job.data;
    return this.running.run(`${jobId}/clip-${index}`, CLIP_TIMEOUT_MS, async (abort) => {
      try {
        const stored = await this.clips.render(jobId, index, abort.signal);
        if ((await this.jobs.findById(jobId))?.status === JobStatus.Cancelled) {
          await Promise.all(stored.files.map((f) => this.storage.delete(f.key).catch(() => null)));
          throw new PipelineError('CANCELLED', 'the job was cancelled', null);
        }
        await this.reportProgress(job).catch(() => undefined);
        return stored;
      } catch (err) {
        const reason = abort.signal.reason as AbortReason | undefined;
        await handBackOnShutdown(job, token, reason);
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn(`job ${jobId}: clip ${index + 1} failed: ${message}`);
        const final = reason === 'cancel' || (err instanceof PipelineError && !err.retryable);
        throw final ? new UnrecoverableError(message) : err;
      }
    });
  }

  /** The parent is not running while its clips render: its row's render progress moves here. */
  private async reportProgress(job: Job<RenderClipPayload>): Promise<void> {
    const parentId = job.parent?.id;
    const parent = parentId && (await Job.fromId(this.parents, parentId));
    if (!parent) return;
    const { processed = 0, unprocessed = 0 } = await parent.getDependenciesCount();
    // This clip is not counted as processed until this returns.
    const fraction = (processed + 1) / Math.max(1, processed + unprocessed);
    const row = await this.jobs.findById(job.data.jobId);
    const tracker = await trackJobProgress(this.jobs, row, job.data.jobId);
    tracker.report(PipelineStage.Render, Math.min(1, fraction));
    await tracker.flush();
  }
}
