export * from './crop-path';
export * from './center-crop.framing';
export * from './active-speaker.framing';
export * from './framing-plan';
export * from './faces/face.types';
export * from './faces/face-analyzer';
export * from './camera/split-layout';
export * from './frames/frame-stream';
