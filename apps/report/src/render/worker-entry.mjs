// Entry of the render worker. The report app runs from its TypeScript source
// (through tsx), and a worker thread does not inherit the parent's loader, so
// the worker registers tsx itself before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
