export * from './render-clip';
