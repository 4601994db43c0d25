import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { accessConfig } from '@app/config';
import { ApiRedis } from '../../redis/api-redis';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; jobId: string }
  | { kind: 'mismatch' }
  | { kind: 'pending' };

interface Stored {
  fingerprint: string;
  jobId?: string;
}

/** A claim whose request died (API killed mid-upload) frees its key after this long. */
const PENDING_TTL_SEC = 600;

/**
 * Idempotency-Key records in Redis, shared by all API replicas and scoped to the caller's key: the
 * first request claims the key, later ones with the same body get its job.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly redis: ApiRedis,
    @Inject(accessConfig.KEY) private readonly access: ConfigType<typeof accessConfig>,
  ) {}

  async claim(owner: string | null, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const id = this.idOf(owner, key);
    const pending: Stored = { fingerprint };
    for (let attempt = 0; attempt < 2; attempt++) {
      const set = await this.redis.client.set(
        id,
        JSON.stringify(pending),
        'EX',
        PENDING_TTL_SEC,
        'NX',
      );
      if (set) return { kind: 'claimed' };
      const raw = await this.redis.client.get(id);
      if (raw === null) continue; // expired between the two calls
      const stored = JSON.parse(raw) as Stored;
      if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return stored.jobId ? { kind: 'replay', jobId: stored.jobId } : { kind: 'pending' };
    }
    return { kind: 'pending' };
  }

  async complete(owner: string | null, key: string, fingerprint: string, jobId: string) {
    const stored: Stored = { fingerprint, jobId };
    await this.redis.client.set(
      this.idOf(owner, key),
      JSON.stringify(stored),
      'EX',
      this.access.idempotencyTtlSec,
    );
  }

  /** A request that failed frees its key, so the client may retry with it. */
  async release(owner: string | null, key: string): Promise<void> {
    await this.redis.client.del(this.idOf(owner, key));
  }

  private idOf(owner: string | null, key: string): string {
    const hashed = createHash('sha256').update(key).digest('hex');
    return `${this.redis.prefix}:idempotency:${owner ?? 'open'}:${hashed}`;
  }
}
