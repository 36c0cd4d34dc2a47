/**
 * Cross-checks the host double against Microsoft's office-addin-mock on the same
 * Office.js snippet, and uses office-addin-mock for the small settings unit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost } from './double/excel-double.js';
import { parseIso, readSettings, writeSettings } from '../src/core/settings.js';

/** a small Office.js unit: read the selection's address, trying once before load+sync */
async function selectionAddress(excel: { run: (f: (c: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }) {
  return excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    let before: string;
    try {
      const v: unknown = r.address;
      // office-addin-mock returns the message ("Error, property was not loaded") where Office.js throws
      before = typeof v === 'string' && v.startsWith('Error,') ? 'unavailable (returned message)' : 'readable';
    } catch {
      before = 'unavailable (threw)';
    }
    r.load('address');
    await context.sync();
    return [before, r.address];
  });
}

const g = globalThis as unknown as Record<string, unknown>;
const saved = { Office: g.Office, Excel: g.Excel };
afterEach(() => {
  g.Office = saved.Office;
  g.Excel = saved.Excel;
});

describe('host double vs office-addin-mock', () => {
  it('both refuse to read a property before load + sync, and agree after', async () => {
    const mock = new OfficeMockObject({
      context: { workbook: { range: { address: 'G4' }, getSelectedRange() { return (this as { range: unknown }).range; } } },
      run: async function (this: { context: unknown }, cb: (c: unknown) => Promise<unknown>) {
        return cb(this.context);
      },
    }) as unknown as { run: (f: (c: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> };
    const fromMock = (await selectionAddress(mock)) as string[];

    const host = new ExcelHost();
    const s = host.addSheet('Sheet1');
    host.selection = { sheetId: s.id, rect: { r0: 3, c0: 6, rows: 1, cols: 1 } };
    host.install();
    const fromDouble = (await selectionAddress(Excel as never)) as string[];

    expect(fromMock[0]).toMatch(/^unavailable/);
    // the double throws, as Office.js does
    expect(fromDouble[0]).toBe('unavailable (threw)');
    expect(fromDouble[1]).toBe(`Sheet1!${fromMock[1]}`);
  });
});

describe('workbook settings (office-addin-mock)', () => {
  it('reads, writes and saves ce.settings through Office.context.document.settings', async () => {
    const store: Record<string, unknown> = { 'ce.settings': { policy: 'alxa-2025', year: 2025 } };
    let saves = 0;
    g.Office = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (k: string) => store[k] ?? null,
            set: (k: string, v: unknown) => void (store[k] = v),
            remove: (k: string) => void delete store[k],
            saveAsync: (cb: (r: { status: string }) => void) => {
              saves++;
              cb({ status: 'succeeded' });
            },
          },
        },
      },
    });
    expect(readSettings()).toEqual({ policy: 'alxa-2025', year: 2025 });
    await writeSettings({ policy: 'nm-2018', asOf: '2018-06-30', lang: 'en' });
    expect(store['ce.settings']).toEqual({ policy: 'nm-2018', asOf: '2018-06-30', lang: 'en' });
    expect(saves).toBe(1);
    expect(parseIso('2018-06-30')).toEqual({ year: 2018, month: 6, day: 30 });
    expect(parseIso('2018/6/30')).toBeUndefined();
  });

  it('without Office (e.g. a plain browser) settings are empty and writes are no-ops', async () => {
    g.Office = undefined;
    expect(readSettings()).toEqual({});
    await expect(writeSettings({ policy: 'x' })).resolves.toBeUndefined();
  });
});
