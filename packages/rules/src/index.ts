export * from './types.js';
export * from './pack.js';
