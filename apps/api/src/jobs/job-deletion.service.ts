import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisConfig } from '@app/config';
import { cancelChannel, QueueName } from '@app/jobs';
import { ClipRepository, JobRepository, JobStatus } from '@app/persistence';
import { deleteJobObjects, StorageDriver } from '@app/storage';
import { WebhookDispatch } from '@app/webhooks';
import { ApiProblem } from '../common/api-problem';

export type DeletionResult = { jobId: string; status: 'cancelled' | 'deleted' };

/**
 * Stops a job and deletes what it made. An unfinished job turns `cancelled` (its row stays, so
 * its client and worker see why): it leaves the queue if it waits, its worker aborts it if it
 * runs. A finished job is removed with all its files.
 */
@Injectable()
export class JobDeletionService {
  private readonly logger = new Logger(JobDeletionService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    private readonly storage: StorageDriver,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    private readonly webhooks: WebhookDispatch,
  ) {}

  async delete(jobId: string): Promise<DeletionResult> {
    const previous = await this.jobs.markCancelled(jobId);
    if (!previous) throw ApiProblem.notFound(`no job ${jobId}`);
    const unfinished = previous === JobStatus.Queued || previous === JobStatus.Processing;
    if (unfinished) await this.stopInQueue(jobId);
    // The worker deletes again once it has stopped: whatever it wrote meanwhile goes too.
    await deleteJobObjects(this.storage, jobId);
    await this.clips.deleteForJob(jobId);
    if (unfinished) {
      // Said here for a job that was only waiting; its worker says it too (one delivery).
      await this.webhooks.notify(jobId, 'job.cancelled');
      return { jobId, status: 'cancelled' };
    }
    await this.jobs.delete(jobId);
    return { jobId, status: 'deleted' };
  }

  private async stopInQueue(jobId: string): Promise<void> {
    try {
      const client = (await this.queue.client) as unknown as Redis;
      await client.publish(cancelChannel(this.redis.prefix), jobId);
      const queued = await this.queue.getJob(jobId);
      // A running job is locked by its worker and is not removed here: its worker ends it.
      if (queued && !(await queued.isActive())) await queued.remove().catch(() => undefined);
    } catch (err) {
      // The row says cancelled: a worker that takes the job later refuses to run it.
      this.logger.warn(`could not reach the queue to cancel ${jobId}: ${(err as Error).message}`);
    }
  }
}
