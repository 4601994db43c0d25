export * from './run-process';
export * from './media-binaries';
export * from './media.errors';
export * from './probe';
export * from './extract-audio';
export * from './media.module';
