import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule, ApiKeyError, ApiKeyService } from '@app/access';
import { ClipgenConfigModule } from '@app/config';

/** Only what key management needs: configuration and the database (no queues, no models). */
@Module({ imports: [ClipgenConfigModule, AccessModule] })
class KeysModule {}

async function withKeys<T>(work: (keys: ApiKeyService) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(KeysModule, { logger: ['error'] });
  try {
    return await work(app.get(ApiKeyService));
  } catch (err) {
    if (err instanceof ApiKeyError) throw new Error(err.message);
    throw err;
  } finally {
    await app.close();
  }
}

const day = (d: Date | null) =>
  d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') : '—';

/** `clipgen keys create --name NAME`: the key is printed once, on stdout alone (for scripts). */
export const createKeyCommand = (opts: { name: string }) =>
  withKeys(async (keys) => {
    const created = await keys.create(opts.name);
    console.error(`created key "${created.name}" (id ${created.id}); it is shown only now:`);
    console.log(created.key);
  });

export const listKeysCommand = (opts: { json?: boolean }) =>
  withKeys(async (keys) => {
    const all = await keys.list();
    if (opts.json) {
      console.log(
        JSON.stringify(
          all.map(({ secretHash: _hidden, ...k }) => k),
          null,
          2,
        ),
      );
      return;
    }
    if (!all.length) return console.error('no keys yet: clipgen keys create --name NAME');
    console.log(['id', 'prefix', 'name', 'created', 'last used', 'revoked'].join('\t'));
    for (const k of all)
      console.log(
        [k.id, `${k.prefix}…`, k.name, day(k.createdAt), day(k.lastUsedAt), day(k.revokedAt)].join(
          '\t',
        ),
      );
  });

export const revokeKeyCommand = (idOrPrefix: string) =>
  withKeys(async (keys) => {
    const revoked = await keys.revoke(idOrPrefix);
    console.error(`revoked key "${revoked.name}" (id ${revoked.id}); requests with it now get 401`);
  });
