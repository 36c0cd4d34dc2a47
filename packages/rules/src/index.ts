export * from './types.js';
export * from './pack.js';
export { evaluate, roundHours, PURPOSE_LABELS, LEVEL_LABELS } from './evaluator.js';
export { CompiledPack, compilePack } from './plan.js';
export { remedyLines } from './explain.js';
export { conclusion, describeError } from './explain.js';
export { ruleRef } from './trace.js';
export { compareDates, fullAge, formatDate, parseIsoDate, readIsoDate, isValidDate, daysBetween } from './dates.js';
export { PACKS, getPack, listPacks } from './packs/index.js';
