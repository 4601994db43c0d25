export * from './pipeline.errors';
export * from './progress-tracker';
export * from './pipeline.types';
export * from './pipeline.service';
export * from './pipeline.module';
export * from './fonts-dir';
export { TRANSCRIPT_FILENAME } from './transcribe.stage';
export * from './work-dirs';
export * from './checkpoint';
