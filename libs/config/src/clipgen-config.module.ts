import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigNamespaces } from './config.namespaces';
import { validateEnv } from './env.validation';

/** Global, validated configuration shared by the API, the worker and the CLI. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: false,
      envFilePath: ['.env'],
      validate: validateEnv,
      load: allConfigNamespaces,
    }),
  ],
})
export class ClipgenConfigModule {}
