/** Self-test of no-network.mjs in a worker thread (the report writes HTML and PDF in one): runs net-probe.mjs there. */
import { Worker } from 'node:worker_threads';

const worker = new Worker(new URL('./net-probe.mjs', import.meta.url));
worker.on('error', (e) => process.stdout.write(`worker failed: ${e.message}\n`));
