/**
 * The render worker: writes the HTML and PDF of a summary model while the main
 * thread writes the XLSX (on a 100k-row roster each takes seconds, and a
 * clerk's PC has more than one core). It is started early, loads its modules
 * while the roster is still being read, then waits for one message with the
 * model and the files to write, and reports each file as it is done.
 */
import { parentPort } from 'node:worker_threads';
import type { SummaryModel } from '@ce/summary';
import type { ModelFormat } from './model-formats.js';

export interface RenderJobs {
  model: SummaryModel;
  jobs: { format: ModelFormat; path: string }[];
}

export type RenderMessage =
  | { kind: 'ready' }
  | { kind: 'start'; format: ModelFormat }
  | { kind: 'done'; format: ModelFormat; ms: number }
  | { kind: 'failed'; format: ModelFormat; message: string; syscall?: string };

const port = parentPort!;
const post = (m: RenderMessage) => port.postMessage(m);

const { writeModelFormat } = await import('./model-formats.js');
await Promise.all([import('./pdf.js'), import('./html.js')]);
post({ kind: 'ready' });

port.once('message', async ({ model, jobs }: RenderJobs) => {
  for (const job of jobs) {
    post({ kind: 'start', format: job.format });
    const t0 = performance.now();
    try {
      await writeModelFormat(job.format, model, job.path);
      post({ kind: 'done', format: job.format, ms: performance.now() - t0 });
    } catch (e) {
      const syscall = (e as NodeJS.ErrnoException | undefined)?.syscall;
      post({ kind: 'failed', format: job.format, message: e instanceof Error ? e.message : String(e), ...(syscall ? { syscall } : {}) });
      break;
    }
  }
  port.close();
});
