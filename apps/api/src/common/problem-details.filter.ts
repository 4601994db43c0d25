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

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  [extra: string]: unknown;
}

const TYPE_BASE = 'https://clipgen.dev/problems/';

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
    const problem = this.toProblem(exception, req.originalUrl ?? req.url);
    if (problem.status >= 500) {
      this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? exception}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof ApiProblem) {
      return {
        type: TYPE_BASE + exception.code.toLowerCase().replace(/_/g, '-'),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        instance,
        ...exception.extra,
      };
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
      return {
        type: TYPE_BASE + code.toLowerCase().replace(/_/g, '-'),
        title: titleOf(status),
        status,
        detail,
        code,
        instance,
        ...errors,
        ...health,
      };
    }
    return {
      type: TYPE_BASE + 'internal',
      title: 'Internal Server Error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred; it has been logged.',
      code: 'INTERNAL',
      instance,
    };
  }
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name.toLowerCase().replace(/(^|_)(\w)/g, (_m, sep, c) => (sep ? ' ' : '') + c.toUpperCase())
    : 'Error';
}
