import * as os from 'node:os';
import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { appConfig } from '@app/config';
import { JOB_OPTIONS, JobName, QueueName } from '@app/jobs';
import { isProcessAlive } from '@app/media';
import { JobEntity, JobRepository, JobStatus } from '@app/persistence';
import { sweepWorkDirs } from '@app/pipeline';

/**
 * The database is the record of truth. At start-up:
 * - a job whose row says a worker on this machine runs it, while that process is dead, is
 *   requeued at once (its BullMQ lock is released, so the stall check returns it in seconds
 *   rather than after the lock expires), and its row says why;
 * - every job still queued or processing but unknown to (or failed in) BullMQ is put back on the
 *   queue under its own id, so a Redis restart or flush never strands a job;
 * - scratch folders that no live process owns and no unfinished job can reuse are removed.
 * The same reconciliation then runs every RECONCILE_INTERVAL_MS, so a Redis that restarts empty
 * while workers keep running loses no waiting job either.
 */
const RECONCILE_INTERVAL_MS = 30_000;

@Injectable()
export class RequeueUnfinishedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RequeueUnfinishedService.name);
  private timer?: NodeJS.Timeout;
  private reconciling = false;

  constructor(
    private readonly jobs: JobRepository,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await this.reconcile(true);
    const removed = await sweepWorkDirs(this.app.workDir, new Set(unfinished.map((j) => j.id)));
    if (removed.length) this.logger.warn(`removed ${removed.length} stale scratch folder(s)`);
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.reconcileQuietly(), RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async reconcileQuietly(): Promise<void> {
    if (this.reconciling) return;
    this.reconciling = true;
    try {
      await this.reconcile(false);
    } catch (err) {
      this.logger.warn(`reconciliation failed: ${(err as Error).message}`);
    } finally {
      this.reconciling = false;
    }
  }

  /**
   * At start-up every unfinished row is checked; later, only rows that have been `queued` for a
   * while (a job the API is still adding is not yet in the queue) and rows of dead local workers.
   */
  private async reconcile(startup: boolean): Promise<JobEntity[]> {
    const unfinished = await this.jobs.listUnfinished();
    const settled = Date.now() - RECONCILE_INTERVAL_MS;
    for (const job of unfinished) {
      const deadLocal =
        job.status === JobStatus.Processing && this.ranOnDeadLocalWorker(job, startup);
      if (
        !startup &&
        !deadLocal &&
        !(job.status === JobStatus.Queued && job.updatedAt.getTime() < settled)
      )
        continue;
      if (deadLocal) {
        await (await this.queue.client).del(this.queue.toKey(`${job.id}:lock`));
        await this.jobs.markQueued(job.id, `its worker (${job.workerId}) died; it resumes here`);
        this.logger.warn(`job ${job.id} was running on dead worker ${job.workerId}: requeued`);
      }
      const existing = await this.queue.getJob(job.id);
      if (existing && !(await existing.isFailed())) continue;
      if (existing) await existing.remove();
      await this.queue.add(
        JobName.ProcessVideo,
        { jobId: job.id, sourceKey: job.sourceKey, options: job.options },
        { ...JOB_OPTIONS[JobName.ProcessVideo], jobId: job.id },
      );
      this.logger.log(`re-enqueued unfinished job ${job.id}`);
    }
    return unfinished;
  }

  private ranOnDeadLocalWorker(job: JobEntity, startup: boolean): boolean {
    const [host, pid] = (job.workerId ?? '').split(':');
    if (host !== os.hostname()) return false;
    // At start-up our own pid can only be a previous life of this container.
    if (Number(pid) === process.pid) return startup;
    return !isProcessAlive(Number(pid));
  }
}
