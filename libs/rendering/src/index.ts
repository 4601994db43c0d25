export * from './render-clip';
export * from './cuts/plan-cuts';
export * from './audio/audio-filter';
export * from './encoders/video-encoder';
export * from './thumbnail/sharpness';
export * from './thumbnail/pick-thumbnail';
