export * from './selection.types';
export * from './split-sentences';
export * from './score-window';
export * from './select-highlights';
