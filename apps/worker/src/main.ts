import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker has no HTTP server: an application context that runs queue consumers. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  Logger.log('clipgen worker started', 'Worker');
}

bootstrap().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
