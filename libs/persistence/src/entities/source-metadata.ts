export type { SourceMetadata } from '@app/media';
