/**
 * Tests and benchmarks only: a CSV roster of any size in the smallest shape a
 * roster takes (姓名, 身份证号, the two 2024 hour columns), with unique valid IDs,
 * a mix of met and short hours, and every 97th ID broken (an invalid row).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { breakCheck, makeId } from './ids.js';

const DAY = 86_400_000;
const BASE = Date.UTC(1965, 0, 1);

/** Row i's ID: a birth day per 1000 rows and a sequence number within it, so no two rows share one. */
export function bigRosterId(i: number): string {
  const d = new Date(BASE + Math.floor(i / 1000) * DAY);
  const birth = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const id = makeId('152502', birth, i % 1000);
  return i % 97 === 96 ? breakCheck(id) : id;
}

export async function writeBigRoster(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let buf = '\uFEFF姓名,身份证号,2024年公需学时,2024年专业学时\r\n';
  for (let i = 0; i < rows; i++) {
    buf += `人员${i},${bigRosterId(i)},${i % 3 === 0 ? 20 : 30},${i % 5 === 0 ? 40 : 60}\r\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
