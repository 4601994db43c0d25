import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRepository } from '@app/persistence';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret';

export interface CreatedApiKey {
  id: string;
  name: string;
  /** Shown once; only its hash is stored. */
  key: string;
  prefix: string;
  createdAt: Date;
}

export class ApiKeyError extends Error {}

/** `last used` is written at most this often per key: a busy key must not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;

/** Creating, listing, revoking and checking API keys (used by the CLI and the API's guard). */
@Injectable()
export class ApiKeyService {
  private readonly touched = new Map<string, number>();

  constructor(private readonly keys: ApiKeyRepository) {}

  async create(name: string): Promise<CreatedApiKey> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100)
      throw new ApiKeyError('a key needs a name of 1–100 characters');
    const { key, prefix, secretHash } = generateApiKey();
    const row = await this.keys.create({ id: randomUUID(), name: trimmed, prefix, secretHash });
    return { id: row.id, name: row.name, key, prefix, createdAt: row.createdAt };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  /** Revokes the one key whose id or shown prefix starts with `idOrPrefix`. */
  async revoke(idOrPrefix: string): Promise<ApiKeyEntity> {
    if (idOrPrefix.trim().length < 4)
      throw new ApiKeyError('give at least 4 characters of the id or prefix');
    const found = await this.keys.findByIdOrPrefix(idOrPrefix.trim());
    if (found.length === 0) throw new ApiKeyError(`no key matches "${idOrPrefix}"`);
    if (found.length > 1)
      throw new ApiKeyError(`"${idOrPrefix}" matches ${found.length} keys; give more of the id`);
    await this.keys.markRevoked(found[0].id);
    return { ...found[0], revokedAt: found[0].revokedAt ?? new Date() };
  }

  /** The live key this secret belongs to, or null (unknown, malformed or revoked). */
  async authenticate(secret: string): Promise<ApiKeyEntity | null> {
    if (!looksLikeApiKey(secret)) return null;
    const key = await this.keys.findByHash(hashApiKey(secret));
    if (!key || key.revokedAt) return null;
    const now = Date.now();
    if (now - (this.touched.get(key.id) ?? 0) > TOUCH_INTERVAL_MS) {
      this.touched.set(key.id, now);
      await this.keys.touch(key.id, new Date(now));
    }
    return key;
  }
}
