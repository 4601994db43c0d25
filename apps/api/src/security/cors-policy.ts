import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problemBody } from '../common/problem-body';

/** Request headers a browser client may send: keys, idempotency, ranges, the tus protocol. */
const ALLOWED_HEADERS = [
  'Authorization',
  'X-API-Key',
  'Content-Type',
  'Idempotency-Key',
  'Range',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'X-HTTP-Method-Override',
  'X-Requested-With',
];

/** Response headers a browser client may read. */
const EXPOSED_HEADERS = [
  'Location',
  'Retry-After',
  'Content-Range',
  'Content-Disposition',
  'Idempotent-Replayed',
  'Clipgen-Job-Id',
  'Clipgen-Status-Url',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Expires',
];

export const isOriginAllowed = (origins: string[], origin: string): boolean =>
  origins.includes('*') || origins.includes(origin);

/**
 * CORS from the CORS_ORIGINS allowlist. `*` allows any origin but never with credentials (the
 * browser would refuse it, and it would expose cookies to every site). A preflight from an origin
 * not on the list is answered 403 problem+json, so the refusal is visible in the browser's console.
 */
export function corsPolicy(origins: string[]): RequestHandler[] {
  const wildcard = origins.includes('*');
  const refusePreflight = (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (!origin || !preflight || isOriginAllowed(origins, origin)) return next();
    res.status(403).type('application/problem+json').set('Vary', 'Origin');
    res.send(
      problemBody(
        403,
        'CORS_ORIGIN_DENIED',
        'Forbidden',
        `origin ${origin.slice(0, 200)} is not in CORS_ORIGINS`,
        req.originalUrl,
      ),
    );
  };
  const allow = cors({
    origin: (origin, done) => done(null, origin ? isOriginAllowed(origins, origin) : false),
    credentials: !wildcard,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  return [refusePreflight, allow];
}
