import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { limitsConfig } from '@app/config';
import { Job, WaitingError } from 'bullmq';
import type { AbortReason } from '@app/jobs';

interface RunningJob {
  abort: AbortController;
  settled: Promise<unknown>;
}

/**
 * The jobs this worker is running, each with its abort switch. On shutdown every job is aborted
 * with reason `shutdown`, and stopAll waits (up to SHUTDOWN_GRACE_SEC) until each has handed
 * itself back to the queue.
 */
@Injectable()
export class RunningJobs {
  private readonly logger = new Logger('Shutdown');
  private readonly jobs = new Map<string, RunningJob>();
  private stopping = false;

  constructor(@Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>) {}

  /** Ids of the jobs running now. */
  get ids(): string[] {
    return [...this.jobs.keys()];
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /**
   * Runs `work` with an abort signal that stop(), cancel or the timeout can trip; `jobId` may be
   * `<jobId>/<part>` for work on a part of a job (one clip of it).
   */
  async run<T>(jobId: string, timeoutMs: number, work: (abort: AbortController) => Promise<T>) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort('timeout' satisfies AbortReason), timeoutMs);
    const settled = work(abort);
    this.jobs.set(jobId, { abort, settled: settled.catch(() => undefined) });
    try {
      return await settled;
    } finally {
      clearTimeout(timer);
      this.jobs.delete(jobId);
    }
  }

  /** Aborts the job's run and any of its clips running here (keys `<jobId>/…`). */
  abort(jobId: string, reason: AbortReason): boolean {
    let found = false;
    for (const [key, job] of this.jobs)
      if (key === jobId || key.startsWith(`${jobId}/`)) {
        job.abort.abort(reason);
        found = true;
      }
    return found;
  }

  async stopAll(signal?: string): Promise<void> {
    this.stopping = true;
    if (!this.jobs.size) return;
    this.logger.log(`${signal ?? 'shutdown'}: handing ${this.jobs.size} job(s) back to the queue`);
    const settled = [...this.jobs.values()].map((j) => (j.abort.abort('shutdown'), j.settled));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(settled),
      new Promise((resolve) => (timer = setTimeout(resolve, this.limits.shutdownGraceMs))),
    ]);
    clearTimeout(timer);
  }
}

/**
 * A run that stopped because this worker is shutting down goes back to the queue untouched, for
 * the next worker, without spending an attempt: this throws the error that tells BullMQ so.
 */
export async function handBackOnShutdown(
  job: Job,
  token: string | undefined,
  reason: AbortReason | undefined,
): Promise<void> {
  if (reason !== 'shutdown' || !token) return;
  await job.moveToWait(token);
  throw new WaitingError();
}
