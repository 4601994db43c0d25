import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from './api-problem';
import { problem, ProblemDetails } from './problem-body';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'UPLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one exception filter: every error leaves the API as application/problem+json (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const answer = this.toProblem(exception, req.originalUrl ?? req.url);
    if (answer.status >= 500) {
      this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? exception}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(answer.status).type('application/problem+json').send(JSON.stringify(answer));
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof ApiProblem) {
      const e = exception;
      return problem(e.status, e.code, e.title, e.detail, instance, e.extra);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      const detail0 = Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
      const errors = Array.isArray(message) ? { errors: message } : {};
      // Terminus answers 503 with per-indicator results: keep them for operators.
      const health = typeof body === 'object' && body && 'details' in body ? { health: body } : {};
      const failing = Object.keys((body as { error?: object }).error ?? {});
      const summary = health.health && failing.length ? `unhealthy: ${failing.join(', ')}` : null;
      const detail = summary ?? detail0;
      return problem(status, code, titleOf(status), detail, instance, { ...errors, ...health });
    }
    return problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'INTERNAL',
      'Internal Server Error',
      'An unexpected error occurred; it has been logged.',
      instance,
    );
  }
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name.toLowerCase().replace(/(^|_)(\w)/g, (_m, sep, c) => (sep ? ' ' : '') + c.toUpperCase())
    : 'Error';
}
