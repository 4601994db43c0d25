import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ArtifactEntity } from './entities/artifact.entity';
import { ClipEntity } from './entities/clip.entity';
import { JobEntity } from './entities/job.entity';
import { InitialSchemaPostgres1764000000000 } from './migrations/postgres/1764000000000-initial-schema';
import { InitialSchemaSqlite1764000000000 } from './migrations/sqlite/1764000000000-initial-schema';
import { TranscriptCacheFlagPostgres1764100000000 } from './migrations/postgres/1764100000000-transcript-cache-flag';
import { TranscriptCacheFlagSqlite1764100000000 } from './migrations/sqlite/1764100000000-transcript-cache-flag';
import { JobRecoveryPostgres1764200000000 } from './migrations/postgres/1764200000000-job-recovery';
import { JobRecoverySqlite1764200000000 } from './migrations/sqlite/1764200000000-job-recovery';
import { ClipInsightsPostgres1764300000000 } from './migrations/postgres/1764300000000-clip-insights';
import { ClipInsightsSqlite1764300000000 } from './migrations/sqlite/1764300000000-clip-insights';
import { ApiKeysPostgres1764400000000 } from './migrations/postgres/1764400000000-api-keys';
import { ApiKeysSqlite1764400000000 } from './migrations/sqlite/1764400000000-api-keys';
import { ProgressAndCallbacksPostgres1764500000000 } from './migrations/postgres/1764500000000-progress-and-callbacks';
import { ProgressAndCallbacksSqlite1764500000000 } from './migrations/sqlite/1764500000000-progress-and-callbacks';

export const ENTITIES = [JobEntity, ClipEntity, ArtifactEntity, ApiKeyEntity];

/** Migrations are kept per driver: SQL types and defaults differ between SQLite and PostgreSQL. */
export const MIGRATIONS = {
  sqlite: [
    InitialSchemaSqlite1764000000000,
    TranscriptCacheFlagSqlite1764100000000,
    JobRecoverySqlite1764200000000,
    ClipInsightsSqlite1764300000000,
    ApiKeysSqlite1764400000000,
    ProgressAndCallbacksSqlite1764500000000,
  ],
  postgres: [
    InitialSchemaPostgres1764000000000,
    TranscriptCacheFlagPostgres1764100000000,
    JobRecoveryPostgres1764200000000,
    ClipInsightsPostgres1764300000000,
    ApiKeysPostgres1764400000000,
    ProgressAndCallbacksPostgres1764500000000,
  ],
};

/** Options for TypeORM; the schema comes from migrations (run at start-up), never `synchronize`. */
export function buildDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: true,
    logging: db.logging,
  };
  if (db.driver === 'postgres') {
    return { ...common, type: 'postgres', url: db.url, migrations: MIGRATIONS.postgres };
  }
  const file = db.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    migrations: MIGRATIONS.sqlite,
    // The API and the worker may share one SQLite file: WAL lets readers run beside a writer,
    // the busy timeout makes a second writer wait instead of failing.
    enableWAL: file !== ':memory:',
    prepareDatabase: (conn: { pragma: (sql: string) => unknown }) => {
      conn.pragma('busy_timeout = 10000');
      conn.pragma('foreign_keys = ON');
    },
  };
}
