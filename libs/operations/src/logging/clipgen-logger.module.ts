import { DynamicModule, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { operationsConfig } from '@app/config';
import { JobLogContext } from './job-log-context';
import { loggingParams } from './logging-options';

/** Structured logs (pino) for a service: JSON lines in production, one readable line in development. */
@Module({})
export class ClipgenLoggerModule {
  static forService(service: 'api' | 'worker'): DynamicModule {
    return {
      module: ClipgenLoggerModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [operationsConfig.KEY],
          useFactory: (ops: ConfigType<typeof operationsConfig>) =>
            loggingParams(ops.logging, service),
        }),
      ],
      providers: [JobLogContext],
      exports: [LoggerModule, JobLogContext],
    };
  }
}
