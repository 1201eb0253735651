export * from './types.js';
export * from './proto.js';
export * from './confchange.js';
export * from './confstate.js';
