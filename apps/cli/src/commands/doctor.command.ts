import * as path from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  appConfig,
  databaseConfig,
  limitsConfig,
  mediaConfig,
  operationsConfig,
  projectRoot,
  redisConfig,
  storageConfig,
  whisperConfig,
} from '@app/config';
import { redisConnectionFromUrl } from '@app/jobs';
import { resolveMediaBinaries } from '@app/media';
import {
  BeatRedis,
  bundledModelsCheck,
  Check,
  databaseCheck,
  diskCheck,
  ffmpegCheck,
  formatReport,
  hasFailure,
  redisCheck,
  runChecks,
  storageCheck,
  transcriptionCheck,
  workersCheck,
} from '@app/operations';
import { buildDataSourceOptions } from '@app/persistence';
import { createStorageDriver } from '@app/storage';
import { createTranscriptionEngine } from '@app/transcription';

/** Where a URL points, without its credentials. */
const hostOf = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
};

/**
 * `clipgen doctor`: every check the API and worker make at start-up, from this machine's
 * configuration, without starting either. Exit code 1 when any fails.
 */
export async function doctorCommand(opts: { json?: boolean }): Promise<void> {
  const [app, db, redisConf, storage, limits, ops] = [
    appConfig(),
    databaseConfig(),
    redisConfig(),
    storageConfig(),
    limitsConfig(),
    operationsConfig(),
  ];
  const redis = new Redis({
    ...(redisConnectionFromUrl(redisConf.url) as object),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  let connecting: Promise<void> | undefined;
  const connected = () => (connecting ??= redis.connect());
  const dataSource = new DataSource({ ...buildDataSourceOptions(db), migrationsRun: false });
  const where = db.driver === 'sqlite' ? `sqlite ${db.sqlitePath}` : hostOf(db.url);
  const checks: Check[] = [
    ffmpegCheck(resolveMediaBinaries(mediaConfig()).ffmpeg),
    transcriptionCheck(createTranscriptionEngine(whisperConfig())),
    bundledModelsCheck(path.join(projectRoot(), 'node_modules')),
    databaseCheck(() => dataSource.initialize(), where),
    redisCheck(() => connected().then(() => redis.ping()), hostOf(redisConf.url)),
    storageCheck(
      createStorageDriver(storage),
      storage.type === 's3' ? `s3://${storage.s3.bucket}` : storage.dir,
    ),
    diskCheck('work', app.workDir, limits.minFreeDiskBytes),
    ...(storage.type === 'local'
      ? [diskCheck('storage', storage.dir, limits.minFreeDiskBytes)]
      : []),
    workersCheck(
      async () => (await connected(), redis as unknown as BeatRedis),
      redisConf.prefix,
      ops.workerMaxAgeMs,
      false,
    ),
  ];
  try {
    const results = await runChecks(checks, 20_000);
    if (opts.json) console.log(JSON.stringify(results, null, 2));
    else for (const line of formatReport(results)) console.log(line);
    if (hasFailure(results)) process.exitCode = 1;
  } finally {
    redis.disconnect();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
