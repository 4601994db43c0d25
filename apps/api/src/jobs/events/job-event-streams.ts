import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { JobRepository } from '@app/persistence';
import { FINAL_STATUSES, formatEvent, toJobEvent } from './job-event';

/** How often a stream looks at its job: the database is the truth every replica shares. */
const POLL_MS = 1000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Open Server-Sent Event streams, one per watcher: each sends the job's progress when it changes
 * and ends after the final status. All are ended when the API stops, so shutdown is not held up.
 */
@Injectable()
export class JobEventStreams implements OnApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(private readonly jobs: JobRepository) {}

  get count(): number {
    return this.open.size;
  }

  stream(jobId: string, res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx buffers responses unless told not to.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: ${POLL_MS * 3}\n\n`);
    let id = 0;
    let last = '';
    let timer: NodeJS.Timeout | undefined;
    let lastWrite = Date.now();
    const end = () => {
      clearTimeout(timer);
      this.open.delete(end);
      res.end();
    };
    this.open.add(end);
    res.on('close', end);
    const send = (name: string, data: unknown) => {
      res.write(formatEvent(name, ++id, data));
      lastWrite = Date.now();
    };
    const tick = async () => {
      if (!this.open.has(end)) return;
      try {
        const job = await this.jobs.findById(jobId);
        if (!job) return (send('deleted', { jobId }), end());
        const event = toJobEvent(job);
        // etaSeconds counts down by itself; a change of anything else is news.
        const key = JSON.stringify({ ...event, etaSeconds: null });
        if (key !== last) {
          send(FINAL_STATUSES.has(job.status) ? job.status : 'progress', event);
          last = key;
        } else if (Date.now() - lastWrite >= KEEPALIVE_MS) {
          res.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        if (FINAL_STATUSES.has(job.status)) return end();
      } catch {
        // The database blinked: the next tick tries again; the client keeps its stream.
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
  }

  onApplicationShutdown(): void {
    for (const end of [...this.open]) end();
  }
}
