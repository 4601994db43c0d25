import { problemBody } from './problem-body';
import type { NextFunction, Request, Response } from 'express';

interface RouteMethods {
  pattern: RegExp;
  allow: string[];
}

/** `/api/status/{jobId}` → a regex matching one path segment per parameter. */
const toPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);

/**
 * Answers 405 with an Allow header (RFC 9110) when a known path is asked with a method it does not
 * serve, instead of the router's 404. The routes and methods come from the OpenAPI document.
 */
export function methodNotAllowed(paths: Record<string, object>) {
  const routes: RouteMethods[] = Object.entries(paths).map(([template, ops]) => {
    const allow = Object.keys(ops).map((m) => m.toUpperCase());
    if (allow.includes('GET')) allow.push('HEAD');
    return { pattern: toPattern(template), allow };
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const route = routes.find((r) => r.pattern.test(req.path));
    if (!route || route.allow.includes(req.method)) return next();
    const detail = `${req.method} is not allowed here; use ${route.allow.join(', ')}`;
    res.status(405).set('Allow', route.allow.join(', ')).type('application/problem+json');
    res.send(problemBody(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed', detail, req.originalUrl));
  };
}
