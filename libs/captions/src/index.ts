export * from './caption.types';
export * from './group-cues';
export * from './subtitle-writers';
export * from './transcript-writers';
export * from './ass/burn-in-script';
export * from './fonts/font-catalog';
export * from './fonts/fonts-folder';
export * from './style/caption-options';
