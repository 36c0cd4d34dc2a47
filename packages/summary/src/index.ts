export * from './model.js';
export * from './actions.js';
export * from './dates.js';
export * from './format.js';
