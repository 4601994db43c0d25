import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

/**
 * Runs a job's work with `jobId` (and the queue task) on every log line written inside it,
 * whichever class writes them, through the logger's async context.
 */
@Injectable()
export class JobLogContext {
  constructor(private readonly pino: PinoLogger) {}

  run<T>(fields: { jobId: string; task: string }, work: () => Promise<T>): Promise<T> {
    return storage.run(new Store(this.pino.logger.child(fields)), work);
  }
}

/** As `JobLogContext.run`, or the work alone where no structured logger is set up (tests). */
export const withJobLogContext = <T>(
  context: JobLogContext | undefined,
  fields: { jobId: string; task: string },
  work: () => Promise<T>,
): Promise<T> => (context ? context.run(fields, work) : work());
