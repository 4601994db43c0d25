import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.validation';

export interface RateLimit {
  /** Requests a key (or, without one, an address) may make per window. */
  limit: number;
  windowMs: number;
}

/** Who may call the API, from where, how often, and for how long shared links work. */
export interface AccessConfig {
  /** No keys needed: the embedded default for one person on their own machine. */
  authDisabled: boolean;
  /** Signs download links; unset: a random secret per process (links die with it, one replica). */
  urlSigningSecret?: string;
  signedUrlTtlSec: number;
  /** Origins a browser may call the API from; `*` means any, without credentials. */
  corsOrigins: string[];
  rateLimits: { enabled: boolean; uploads: RateLimit; reads: RateLimit };
  /** How long an Idempotency-Key remembers its upload. */
  idempotencyTtlSec: number;
  /** Express's `trust proxy`: false, true, a hop count or addresses (client IPs for rate limits). */
  trustProxy: boolean | number | string;
  /** A resumable upload left unfinished this long is deleted. */
  resumableExpirySec: number;
  /** Opens the queue dashboard (/admin/queues); unset: no dashboard. */
  adminApiKey?: string;
}

export const accessConfig = registerAs('access', (): AccessConfig => {
  const e = validateEnv(process.env) as Record<string, never>;
  const windowMs = (e.RATE_LIMIT_WINDOW_SEC as number) * 1000;
  return {
    authDisabled: e.AUTH_DISABLED,
    urlSigningSecret: e.URL_SIGNING_SECRET,
    signedUrlTtlSec: e.SIGNED_URL_TTL_SEC,
    corsOrigins: String(e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    rateLimits: {
      enabled: e.RATE_LIMIT_ENABLED,
      uploads: { limit: e.RATE_LIMIT_UPLOADS, windowMs },
      reads: { limit: e.RATE_LIMIT_READS, windowMs },
    },
    idempotencyTtlSec: e.IDEMPOTENCY_TTL_SEC,
    trustProxy: parseTrustProxy(String(e.TRUST_PROXY ?? 'false')),
    resumableExpirySec: e.RESUMABLE_UPLOAD_EXPIRY_SEC,
    adminApiKey: e.ADMIN_API_KEY,
  };
});

/** `false`/`true`, a number of hops, or addresses/subnets as Express takes them. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
