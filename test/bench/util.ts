/**
 * Helpers shared by the bench scenarios: timing, medians, and running one
 * scenario in its own `node --import tsx` child so that peak memory
 * (process.resourceUsage().maxRSS) and JIT state are its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '../..');

export function now(): number {
  return performance.now();
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs f `runs` times (after `warm` untimed runs); returns the median ms and all times. */
export function timeMedian(f: () => void, runs: number, warm = 1): { ms: number; all: number[] } {
  for (let i = 0; i < warm; i++) f();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    f();
    all.push(now() - t);
  }
  return { ms: median(all), all };
}

export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** A scenario child prints exactly one line `@@RESULT <json>`; everything else is log. */
export function emit(result: unknown): void {
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

/** Runs `tsx <scenario file> ...args` in a fresh node process and returns its result object. */
export function runChild<T>(file: string, args: string[], opts: { heapMB?: number; timeoutMs?: number; log?: (s: string) => void } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const nodeArgs = [`--max-old-space-size=${opts.heapMB ?? 4096}`, '--import', 'tsx', join(BENCH_DIR, file), ...args];
    const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('@@RESULT ')) {
          try {
            resolve(JSON.parse(line.slice(9)) as T);
          } catch (e) {
            reject(e);
          }
        } else opts.log?.(line);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${file} ${args.join(' ')} exited ${code ?? signal} without a result${err ? `: ${err.trim().split('\n').slice(-5).join(' | ')}` : ''}`));
    });
  });
}
