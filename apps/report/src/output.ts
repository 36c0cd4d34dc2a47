/**
 * Writing large outputs without building them in memory: `check --json` on
 * 100k rows used to be one 288 MB pretty-printed string (issue #15). Rows are
 * serialised one at a time, gathered into ~64 KiB pieces, and each piece waits
 * for the pipe to drain when the reader is slower than we are (process.stdout
 * to a pipe buffers without limit otherwise).
 */
import type { EvaluationResult } from '@ce/rules';

/** Where output goes. `write` returns false when the sink wants `drain()` awaited before more. */
export interface Sink {
  write(s: string): boolean | void;
  drain?: () => Promise<void>;
}

const PIECE = 64 * 1024;

export class PieceWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly sink: Sink) {}

  /** Queue text; resolves at once unless a piece had to be written and the sink is full. */
  async add(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= PIECE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const piece = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (this.sink.write(piece) === false && this.sink.drain) await this.sink.drain();
  }
}

/**
 * One result as an element of the top-level array. Pretty: exactly what
 * `JSON.stringify(results, null, 2)` prints for it (the element's own lines
 * indented by two more spaces; strings never hold a raw newline, JSON escapes it).
 */
function element(r: EvaluationResult, pretty: boolean): string {
  return pretty ? '  ' + JSON.stringify(r, null, 2).replace(/\n/g, '\n  ') : JSON.stringify(r);
}

/**
 * The JSON array of results, row by row. Compact: one result per line. Pretty:
 * byte for byte `JSON.stringify(results, null, 2) + '\n'`.
 */
export function* jsonPieces(results: readonly EvaluationResult[], pretty: boolean): Generator<string> {
  if (results.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < results.length; i++) {
    yield element(results[i]!, pretty) + (i < results.length - 1 ? ',\n' : '\n');
  }
  yield ']\n';
}

/** Write every piece of an iterable to the sink, honouring back-pressure. */
export async function writeAll(sink: Sink, pieces: Iterable<string>): Promise<void> {
  const w = new PieceWriter(sink);
  for (const p of pieces) await w.add(p);
  await w.flush();
}
