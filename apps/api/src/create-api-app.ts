import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ConfigType } from '@nestjs/config';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { accessConfig, appConfig, projectRoot } from '@app/config';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi/build-openapi';
import { DASHBOARD_PATH, mountQueueDashboard } from './admin/queue-dashboard';
import { corsPolicy } from './security/cors-policy';
import { dashboardSecurityHeaders, securityHeaders } from './security/security-headers';
import { answerClientErrorsAsProblems } from './common/client-error.handler';
import { methodNotAllowed } from './common/method-not-allowed';
import { ApiMetricsService } from './metrics/api-metrics.service';
import { httpMetrics } from './metrics/http-metrics.middleware';

/** Builds the HTTP app (used by main.ts and the e2e tests): /api routes, Swagger at /docs. */
export async function createApiApp(logger?: LogLevel[]): Promise<INestApplication> {
  // Given levels (tests): Nest's own console logger; otherwise structured logs (pino).
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule,
    logger ? { logger } : { bufferLogs: true },
  );
  if (!logger) app.useLogger(app.get(PinoNestLogger));
  // Prometheus looks for /metrics at the root.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  const access = app.get<ConfigType<typeof accessConfig>>(accessConfig.KEY);
  // Behind a load balancer, the client's address (rate limits without a key) is in X-Forwarded-For.
  if (access.trustProxy !== false) app.set('trust proxy', access.trustProxy);
  app.use(httpMetrics(app.get(ApiMetricsService).metrics));
  const [strict, dashboard] = [securityHeaders(), dashboardSecurityHeaders()];
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith(DASHBOARD_PATH) ? dashboard : strict)(req, res, next),
  );
  app.use(...corsPolicy(access.corsOrigins));
  mountQueueDashboard(app, access.adminApiKey);
  // The web page at / (built by `npm run build:web`); the API works without it.
  const web = path.join(projectRoot(), 'dist', 'web');
  if (fs.existsSync(path.join(web, 'index.html')))
    app.useStaticAssets(web, { index: 'index.html' });
  const server = app.getHttpServer();
  answerClientErrorsAsProblems(server);
  // Idle keep-alive connections outlive those of clients and load balancers (60 s is common):
  // a server that closes first races a client reusing the socket, whose request then fails.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const document = setUpOpenApi(
    app,
    app.get<ConfigType<typeof appConfig>>(appConfig.KEY).publicBaseUrl,
  );
  app.use(methodNotAllowed(document.paths));
  return app;
}
