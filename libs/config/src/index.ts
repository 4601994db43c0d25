export * from './config.namespaces';
export * from './env.validation';
export * from './clipgen-config.module';
export * from './project-root';
export * from './selection.config';
export * from './render.config';
export * from './access.config';
export * from './operations.config';
