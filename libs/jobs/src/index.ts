export * from './queue-name.enum';
export * from './clip-options';
export * from './job-payloads';
export * from './default-job-options';
export * from './redis-connection';
export * from './queue.module';
export * from './cancellation';
export * from './render-options';
