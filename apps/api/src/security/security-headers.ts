import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's defaults (CSP, HSTS, nosniff, frame-ancestors 'none' via X-Frame-Options…), with two
 * changes: clips may be embedded by other sites (`<video src>` of a signed link needs a
 * cross-origin resource policy), and Swagger UI's page needs its inline styles and data: images.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        // The web page plays clips from here or, presigned, from the object store.
        mediaSrc: ["'self'", 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Self-hosted over plain HTTP on a LAN: upgrading Swagger UI's requests to https breaks it.
        upgradeInsecureRequests: null,
      },
    },
  });

/**
 * The queue dashboard (bull-board, behind the admin key) boots from an inline script: the same
 * headers with inline scripts allowed, for its path only.
 */
export const dashboardSecurityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
