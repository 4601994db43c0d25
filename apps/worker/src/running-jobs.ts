import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { limitsConfig } from '@app/config';
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

  /** Runs `work` with an abort signal that stop(), cancel or the timeout can trip. */
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

  abort(jobId: string, reason: AbortReason): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.abort.abort(reason);
    return true;
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
