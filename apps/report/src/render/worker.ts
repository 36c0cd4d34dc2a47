/**
 * The render worker: writes a summary's files off the main thread (on a
 * 100k-row roster each takes seconds, and a clerk's PC has more than one
 * core): the summary's XLSX, while the main thread writes HTML and PDF (it
 * can write those too).
 * It is started early, loads its modules while the roster is still being read,
 * then waits for one message with the model and the files to write, and
 * reports each file as it is done.
 */
import { parentPort } from 'node:worker_threads';
import type { SummaryModel } from '@ce/summary';
import type { ModelFormat } from './model-formats.js';
import type { XlsxInput } from './xlsx.js';

export type RenderFormat = ModelFormat | 'xlsx';

export interface RenderJobs {
  model: SummaryModel;
  jobs: { format: RenderFormat; path: string }[];
  /** what the XLSX needs besides the model (the roster copy and the results); required for an 'xlsx' job */
  xlsx?: Omit<XlsxInput, 'model'>;
}

export type RenderMessage =
  | { kind: 'ready' }
  | { kind: 'start'; format: RenderFormat }
  | { kind: 'done'; format: RenderFormat; ms: number }
  | { kind: 'failed'; format: RenderFormat; message: string; syscall?: string };

if (!parentPort) throw new Error('render/worker.ts runs only as a worker thread (started by startRenderWorker)');
const port = parentPort;
const post = (m: RenderMessage) => port.postMessage(m);

const { writeModelFormat } = await import('./model-formats.js');
// the XLSX writer is what it is started for; HTML and PDF load on demand if asked
const { writeXlsx } = await import('./xlsx.js');
post({ kind: 'ready' });

port.once('message', async ({ model, jobs, xlsx }: RenderJobs) => {
  for (const job of jobs) {
    post({ kind: 'start', format: job.format });
    const t0 = performance.now();
    try {
      if (job.format !== 'xlsx') await writeModelFormat(job.format, model, job.path);
      else if (xlsx) await writeXlsx({ ...xlsx, model }, job.path);
      else throw new Error('an xlsx job without its roster copy');
      post({ kind: 'done', format: job.format, ms: performance.now() - t0 });
    } catch (e) {
      const syscall = (e as NodeJS.ErrnoException | undefined)?.syscall;
      post({ kind: 'failed', format: job.format, message: e instanceof Error ? e.message : String(e), ...(syscall ? { syscall } : {}) });
      break;
    }
  }
  port.close();
});
