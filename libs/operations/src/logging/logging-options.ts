import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

export interface LoggingSettings {
  level: string;
  /** `json` for collectors; `pretty` for a person at a terminal. */
  format: 'json' | 'pretty';
}

/** Probes and scrapes arrive every few seconds: logging them would drown everything else. */
const QUIET_PATHS = /^\/(api\/health(\/live)?|metrics)(\?|$)/;

/** What must never reach a log: credentials in headers, and the signature of a signed link. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A caller's X-Request-Id when it is sane (a proxy's trace id), else a fresh one; echoed back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** `?expires=…&signature=…` links would let anyone who reads the log download the file. */
export const withoutSignature = (url: string) =>
  url.replace(/([?&]signature=)[^&]*/i, '$1[Redacted]');

/** nestjs-pino options shared by the API (with HTTP logging) and the worker. */
export function loggingParams(settings: LoggingSettings, service: 'api' | 'worker'): Params {
  return {
    // Every route, in path-to-regexp v8 syntax (the default '*' draws a deprecation warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: settings.level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      genReqId: requestId,
      autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: object }) => ({
          id: req.id,
          method: req.method,
          url: withoutSignature(req.url),
          headers: req.headers,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // The job a request is about, as a field of its own (the route's :jobId).
      customProps: (req) => {
        const jobId = (req as IncomingMessage & { params?: Record<string, string> }).params?.jobId;
        return jobId ? { jobId } : {};
      },
      ...(settings.format === 'pretty'
        ? {
            transport: {
              target: 'pino-pretty',
              options: {
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss.l',
                ignore: 'pid,hostname',
              },
            },
          }
        : {}),
    },
  };
}
