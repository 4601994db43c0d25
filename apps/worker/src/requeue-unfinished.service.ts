import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_OPTIONS, JobName, QueueName } from '@app/jobs';
import { JobRepository } from '@app/persistence';

/**
 * The database is the record of truth. At start-up, every job it still lists as queued or
 * processing is put back on the queue under its own id (BullMQ ignores ids it already holds),
 * so a Redis restart or flush never strands a job.
 */
@Injectable()
export class RequeueUnfinishedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequeueUnfinishedService.name);

  constructor(
    private readonly jobs: JobRepository,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await this.jobs.listUnfinished();
    for (const job of unfinished) {
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
  }
}
