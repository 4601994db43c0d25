import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { answerClientErrorsAsProblems } from './common/client-error.handler';
import { methodNotAllowed } from './common/method-not-allowed';
import { ProblemDto } from './common/problem.dto';

/** Builds the HTTP app (used by main.ts and the e2e tests): /api routes, Swagger at /docs. */
export async function createApiApp(logger?: LogLevel[]): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, logger ? { logger } : {});
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  const server = app.getHttpServer();
  answerClientErrorsAsProblems(server);
  // Idle keep-alive connections outlive those of clients and load balancers (60 s is common):
  // a server that closes first races a client reusing the socket, whose request then fails.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('clipgen')
      .setDescription(
        'Turn long videos into short, captioned, vertical clips. Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('0.1.0')
      .build(),
    { extraModels: [ProblemDto] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.use(methodNotAllowed(document.paths));
  return app;
}
