export * from './signature';
export * from './callback-url';
export * from './webhook-sender';
export * from './webhook-payload';
export * from './webhook-dispatch';
export * from './webhooks.module';
