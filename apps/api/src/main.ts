import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const port = app.get(ConfigService).get<number>('app.port') ?? 3000;
  await app.listen(port);
  Logger.log(`clipgen API on http://localhost:${port} (Swagger UI at /docs)`, 'Api');
}

bootstrap().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
