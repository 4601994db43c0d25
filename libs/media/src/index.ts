export * from './process/run-process';
export * from './process/process-liveness';
export * from './media-binaries';
export * from './media.errors';
export * from './probe';
export * from './extract-audio';
export * from './media.module';
export * from './media-limits';
