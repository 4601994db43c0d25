import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '@app/config';
import { buildDataSourceOptions, ENTITIES } from './data-source-options';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { ClipRepository } from './repositories/clip.repository';
import { JobRepository } from './repositories/job.repository';
import { TypeOrmApiKeyRepository } from './repositories/typeorm-api-key.repository';
import { TypeOrmClipRepository } from './repositories/typeorm-clip.repository';
import { TypeOrmJobRepository } from './repositories/typeorm-job.repository';

/** Database connection (migrations run at start-up) and the repository ports bound to TypeORM. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => buildDataSourceOptions(db),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [
    { provide: JobRepository, useClass: TypeOrmJobRepository },
    { provide: ClipRepository, useClass: TypeOrmClipRepository },
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
  ],
  exports: [JobRepository, ClipRepository, ApiKeyRepository],
})
export class PersistenceModule {}
