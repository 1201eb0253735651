export * from './state.js';
export * from './inflights.js';
export * from './progress.js';
export * from './tracker.js';
