export * from './storage.driver';
export * from './storage.errors';
export * from './storage-keys';
export * from './local-storage.driver';
export * from './s3-storage.driver';
export * from './storage.module';
export * from './hash-file';
export * from './free-space';
