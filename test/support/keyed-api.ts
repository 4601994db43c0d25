import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@app/access';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TestEnv, useTestEnv } from './test-env';

export interface KeyedApi {
  env: TestEnv;
  api: INestApplication;
  base: string;
  /** A key per name asked for, made the way `clipgen keys create` makes them. */
  keys: Record<string, string>;
  /** The id of each key (what jobs record as their owner). */
  keyIds: Record<string, string>;
  close: () => Promise<void>;
}

/** The API with keys required, listening on a free port, and a key per name. */
export async function startKeyedApi(
  overrides: Record<string, string>,
  names: string[],
): Promise<KeyedApi> {
  const env = useTestEnv({ AUTH_DISABLED: 'false', ...overrides });
  const api = await createApiApp(['error']);
  await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  const keys: Record<string, string> = {};
  const keyIds: Record<string, string> = {};
  for (const name of names) {
    const created = await api.get(ApiKeyService).create(name);
    keys[name] = created.key;
    keyIds[name] = created.id;
  }
  return {
    env,
    api,
    base,
    keys,
    keyIds,
    close: async () => {
      await api.close();
      env.cleanup();
    },
  };
}
