import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.validation';

/** Completion callbacks: how they are signed, where they may go, how hard we try. */
export interface WebhooksConfig {
  /** Signs every delivery (X-Clipgen-Signature); without it uploads cannot ask for callbacks. */
  secret?: string;
  /** Deliver to loopback/private addresses too (a receiver on the same network). */
  allowPrivate: boolean;
  maxAttempts: number;
  /** First retry after this long, doubling each time. */
  backoffMs: number;
  timeoutMs: number;
}

export const webhooksConfig = registerAs('webhooks', (): WebhooksConfig => {
  const e = validateEnv(process.env) as Record<string, never>;
  return {
    secret: e.WEBHOOK_SECRET,
    allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    backoffMs: (e.WEBHOOK_BACKOFF_SEC as number) * 1000,
    timeoutMs: (e.WEBHOOK_TIMEOUT_SEC as number) * 1000,
  };
});
