import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from '@app/operations';

/**
 * Times every request to its end and labels it by route pattern (`/api/status/:jobId`), never by
 * raw path, so job ids do not become label values.
 */
export function httpMetrics(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
    });
    next();
  };
}
