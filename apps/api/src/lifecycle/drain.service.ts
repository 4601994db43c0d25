import { BeforeApplicationShutdown, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { limitsConfig } from '@app/config';
import { ApiProblem } from '../common/api-problem';

/**
 * Graceful stop for the API: once shutdown starts, new uploads are refused (503 and readiness
 * down, so a load balancer moves on) while the uploads already in flight run to their end, within
 * SHUTDOWN_GRACE_SEC. Nest closes the HTTP server only after this hook returns.
 */
@Injectable()
export class DrainService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  constructor(@Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** 503 for a new upload once shutdown has started (a load balancer retries elsewhere). */
  assertAccepting(req: Request): void {
    if (!this.draining) return;
    req.res?.setHeader('Retry-After', '5');
    throw new ApiProblem(
      HttpStatus.SERVICE_UNAVAILABLE,
      'SHUTTING_DOWN',
      'Service Unavailable',
      'this API instance is shutting down; retry in a few seconds',
    );
  }

  /** Runs one request's work, counted so that shutdown can wait for it. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      if (--this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    if (!this.inFlight) return;
    this.logger.log(`${signal ?? 'shutdown'}: waiting for ${this.inFlight} upload(s) in flight`);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.limits.shutdownGraceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.inFlight} upload(s) still running at the grace limit`);
  }
}
