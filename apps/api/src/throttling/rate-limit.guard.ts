import { ExecutionContext, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiProblem } from '../common/api-problem';
import { principalOf } from '../auth/principal';
import { answerBeforeBody } from '../common/unread-body';

/**
 * Per API key (per address for requests without one), counted in Redis so the limit holds across
 * API replicas. Runs after the key guard, which has decided who the caller is.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly log = new Logger(RateLimitGuard.name);
  private lastWarning = 0;

  /** Redis unreachable: requests go on unlimited (uploads fail on the queue anyway; reads work). */
  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(ctx);
    } catch (err) {
      if (err instanceof HttpException || err instanceof ApiProblem) throw err;
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.log.warn(`rate limits not applied, Redis unavailable: ${(err as Error).message}`);
      }
      return true;
    }
  }

  protected override getTracker(req: Request): Promise<string> {
    const { keyId } = principalOf(req);
    return Promise.resolve(keyId ? `key:${keyId}` : `ip:${req.ip ?? 'unknown'}`);
  }

  protected override throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    res.setHeader('Retry-After', String(retryAfter));
    answerBeforeBody(req);
    const kind = /:rate:([a-z]+):/.exec(detail.key)?.[1] ?? 'requests';
    throw new ApiProblem(
      HttpStatus.TOO_MANY_REQUESTS,
      'RATE_LIMITED',
      'Too Many Requests',
      `more than ${detail.limit} ${kind} in ${Math.round(detail.ttl / 1000)} s; retry in ${retryAfter} s`,
      { limit: detail.limit, windowSec: Math.round(detail.ttl / 1000), retryAfterSec: retryAfter },
    );
  }
}
