import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Optional } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobLogContext, withJobLogContext } from '@app/operations';

/**
 * A queue consumer whose every log line, while it handles a job, carries that job's id: the
 * consumers implement `handle`, this runs it inside the job's log context.
 */
export abstract class JobLoggingHost<P extends { jobId: string }, R> extends WorkerHost {
  @Optional()
  @Inject(JobLogContext)
  private readonly logContext?: JobLogContext;

  protected abstract handle(job: Job<P, R>, token?: string): Promise<R>;

  process(job: Job<P, R>, token?: string): Promise<R> {
    return withJobLogContext(this.logContext, { jobId: job.data.jobId, task: job.name }, () =>
      this.handle(job, token),
    );
  }
}
