import { Module } from '@nestjs/common';
import { QueueModule } from '@app/jobs';
import { PersistenceModule } from '@app/persistence';
import { WebhookDispatch } from './webhook-dispatch';

/** Queues completion callbacks (API and worker); the worker's processor delivers them. */
@Module({
  imports: [QueueModule, PersistenceModule],
  providers: [WebhookDispatch],
  exports: [WebhookDispatch],
})
export class WebhooksModule {}
