import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { accessConfig, appConfig } from '@app/config';
import { createApiApp } from './create-api-app';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const { port, host } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const access = app.get<ConfigType<typeof accessConfig>>(accessConfig.KEY);
  await app.listen(port, host);
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  Logger.log(`clipgen API on http://${shown}:${port} (Swagger UI at /docs)`, 'Api');
  if (access.authDisabled && !LOOPBACK.test(host))
    Logger.warn(
      `AUTH_DISABLED=true and the API listens on ${host}: ANYONE WHO CAN REACH PORT ${port} CAN UPLOAD, READ EVERY JOB AND DOWNLOAD EVERY CLIP. ` +
        'Create a key (clipgen keys create --name NAME) and set AUTH_DISABLED=false, or set HOST=127.0.0.1.',
      'Security',
    );
}

bootstrap().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
