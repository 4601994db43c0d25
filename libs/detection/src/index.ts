export * from './crop-path';
export * from './center-crop.framing';
