import type { ApiKeyEntity } from '../entities/api-key.entity';

export interface NewApiKey {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
}

/** Port: where API keys live (hashes only). */
export abstract class ApiKeyRepository {
  abstract create(key: NewApiKey): Promise<ApiKeyEntity>;
  /** Newest first, revoked ones included. */
  abstract list(): Promise<ApiKeyEntity[]>;
  abstract findByHash(secretHash: string): Promise<ApiKeyEntity | null>;
  /** Keys whose id or prefix starts with `idOrPrefix`. */
  abstract findByIdOrPrefix(idOrPrefix: string): Promise<ApiKeyEntity[]>;
  abstract markRevoked(id: string): Promise<void>;
  abstract touch(id: string, at: Date): Promise<void>;
}
