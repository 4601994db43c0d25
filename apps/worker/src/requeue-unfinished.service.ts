import * as os from 'node:os';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
 */
@Injectable()
export class RequeueUnfinishedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequeueUnfinishedService.name);

  constructor(
    private readonly jobs: JobRepository,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await this.jobs.listUnfinished();
    for (const job of unfinished) {
      if (job.status === JobStatus.Processing && this.ranOnDeadLocalWorker(job)) {
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
    const removed = await sweepWorkDirs(this.app.workDir, new Set(unfinished.map((j) => j.id)));
    if (removed.length) this.logger.warn(`removed ${removed.length} stale scratch folder(s)`);
  }

  private ranOnDeadLocalWorker(job: JobEntity): boolean {
    const [host, pid] = (job.workerId ?? '').split(':');
    if (host !== os.hostname()) return false;
    // Our own pid can only be a previous life of this container.
    return Number(pid) === process.pid || !isProcessAlive(Number(pid));
  }
}
