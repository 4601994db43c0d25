import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QueueName } from '@app/jobs';
import { sameSecret } from '@app/operations';
import { problemBody } from '../common/problem-body';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Only with the admin key: as a bearer token (scripts) or as the password of HTTP Basic auth
 * (a browser asks for it), any user name.
 */
export function adminOnly(adminKey: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/i.exec(auth)?.[1];
    const basic = /^Basic (.+)$/i.exec(auth)?.[1];
    const password = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':')
      : undefined;
    const given = bearer ?? password;
    if (given && sameSecret(given, adminKey)) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Basic realm="clipgen admin", charset="UTF-8"')
      .type('application/problem+json')
      .send(
        problemBody(
          401,
          'ADMIN_AUTH_REQUIRED',
          'Unauthorized',
          'the queue dashboard needs the admin key (ADMIN_API_KEY)',
          req.originalUrl,
        ),
      );
  };
}

/** bull-board over every clipgen queue at /admin/queues, mounted only when ADMIN_API_KEY is set. */
export function mountQueueDashboard(app: INestApplication, adminKey: string | undefined): void {
  if (!adminKey) return;
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)), { readOnlyMode: false }),
    ),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'clipgen queues' } },
  });
  app.use(DASHBOARD_PATH, adminOnly(adminKey), adapter.getRouter());
}
