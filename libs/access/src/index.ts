export * from './api-keys/api-key-secret';
export * from './api-keys/api-key.service';
export * from './links/signed-link';
export * from './links/link-signer';
export * from './access.module';
