export * from './caption.types';
export * from './group-cues';
export * from './subtitle-writers';
export * from './ass-writer';
export * from './transcript-writers';
