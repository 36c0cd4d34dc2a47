/**
 * The summary's content is pinned: for every acceptance case (../shared/cases-r3)
 * and the sample roster, the HTML (byte for byte), the PDF's text as pdftotext
 * extracts it (whitespace removed, so a line wrapped elsewhere still matches)
 * with its page count, and every sheet of the XLSX as SheetJS reads it back
 * (cell values, merges, page breaks) must equal what was recorded in
 * `golden/summary-digests.json`. Speed work on the renderers must not change
 * what a clerk gets. Record again on purpose only:
 *   UPDATE_GOLDEN=1 pnpm --filter @ce/report exec vitest run src/golden.test.ts
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parseIsoDate } from '@ce/rules';
import { SAMPLE } from './demo.js';
import { runCheck } from './engine.js';
import { sourceNotices, writeReports } from './summary.js';
import { cases, CASES_DIR, commandExists, HAS_CASES } from './testing.js';

const GOLDEN = fileURLToPath(new URL('../golden/summary-digests.json', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ON = { year: 2024, month: 11, day: 20 };
const tmp = mkdtempSync(join(tmpdir(), 'ce-report-golden-'));

interface Digest {
  html: string;
  pdfPages: number;
  pdfText: string;
  xlsx: Record<string, string>;
}

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex').slice(0, 24);

function xlsxDigest(file: string): Record<string, string> {
  const wb = XLSX.read(readFileSync(file), { cellStyles: false });
  const out: Record<string, string> = { sheets: wb.SheetNames.join('|') };
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    const extra = JSON.stringify({ merges: ws['!merges'] ?? [], ref: ws['!ref'] ?? '' });
    out[name] = sha(XLSX.utils.sheet_to_csv(ws, { blankrows: true, strip: false }) + extra);
  }
  return out;
}

async function digestOf(name: string, roster: string, policy: string, o: { records?: string; asOf?: string; year?: number }): Promise<Digest> {
  const asOf = o.asOf ? parseIsoDate(o.asOf) : undefined;
  const run = await runCheck({ roster, policy, ...(o.records ? { records: o.records } : {}), ...(asOf ? { asOf } : {}), ...(o.year ? { year: o.year } : {}) });
  const rep = await writeReports(run, {
    formats: ['html', 'pdf', 'xlsx'],
    outDir: join(tmp, name),
    showId: false,
    generatedOn: ON,
    baseName: 'summary',
    notices: sourceNotices(run, { rosterPath: roster, year: o.year !== undefined, asOf: asOf !== undefined }),
  });
  const info = execFileSync('pdfinfo', [rep.files.pdf!], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', rep.files.pdf!, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return {
    html: sha(readFileSync(rep.files.html!)),
    pdfPages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    pdfText: sha(text.replace(/\s+/g, '')),
    xlsx: xlsxDigest(rep.files.xlsx!),
  };
}

const POPPLER = commandExists('pdftotext') && commandExists('pdfinfo');
// in CI the shared cases and poppler are required: the pin must not skip silently
if (process.env.CI === 'true' && (!HAS_CASES || !POPPLER)) throw new Error('golden test needs ../shared/cases-r3 and poppler-utils');

describe.runIf(HAS_CASES && POPPLER)('summary outputs are unchanged (golden digests)', () => {
  const golden: Record<string, Digest> = existsSync(GOLDEN) && !UPDATE ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Digest>) : {};
  const got: Record<string, Digest> = {};
  const all = [
    ...cases().map((c) => ({ name: c.file, roster: join(CASES_DIR, c.file), policy: c.policy, o: { ...(c.records ? { records: join(CASES_DIR, c.records) } : {}), ...(c.asOf ? { asOf: c.asOf } : {}), ...(c.year ? { year: c.year } : {}) } })),
    { name: 'roster-sample.xlsx', roster: SAMPLE, policy: 'xilingol-2024', o: {} },
  ];
  it('has the nine acceptance cases and the sample', () => expect(all.length).toBe(10));
  for (const c of all) {
    it(c.name, async () => {
      got[c.name] = await digestOf(c.name.replace(/\W/g, '_'), c.roster, c.policy, c.o);
      if (UPDATE) writeFileSync(GOLDEN, JSON.stringify({ ...(existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as object) : {}), [c.name]: got[c.name] }, null, 2) + '\n');
      else expect(got[c.name]).toEqual(golden[c.name]);
    }, 120_000);
  }
});
