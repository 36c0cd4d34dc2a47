/**
 * The annotation record survives lost document settings (office-js #761, #6091, #5206):
 * it is also in the hidden `_ce_ledger` sheet written with the cells. And a failing
 * settings save warns instead of failing the button. On the host double.
 */
import { describe, expect, it } from 'vitest';
import { annotateActiveSheet, clearActiveSheet, COLUMN_COUNT, readTracks, TRACK_KEY } from '../src/taskpane/annotate.js';
import { LEDGER_SHEET } from '../src/taskpane/ledger.js';
import { takeSaveWarning } from '../src/core/settings.js';
import { officeJsHost } from '../src/hosts/officejs/index.js';
import { a1 } from './double/excel-double.js';
import { caseCheckSettings, loadCases } from './helpers.js';
import { hostForCase, ROSTER } from './setup-host.js';

const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
const annotate = () => annotateActiveSheet({ settings: caseCheckSettings(c), lang: 'zh' });

describe('the ledger sheet', () => {
  it('settings wiped between annotate and clear: clear still removes exactly the add-in’s cells', async () => {
    const { host, rows } = hostForCase(c);
    host.userSetCell(ROSTER, a1(3, rows[0]!.length + COLUMN_COUNT, 1, 1), '经办人的备注'); // beside the block: must stay
    const sheetsBefore = host.sheets.map((s) => s.name);
    const before = host.snapshot(ROSTER);
    const out = await annotate();
    if (!out.ok) throw new Error(out.reason);
    expect(host.sheets.map((s) => s.name)).toEqual([...sheetsBefore, LEDGER_SHEET]);
    expect(host.snapshot(ROSTER)).not.toEqual(before);
    // the settings did not persist: the workbook reopens without them
    Office.context.document.settings.remove(TRACK_KEY);
    host.settings.saved = {};
    host.reopen();
    host.install();
    expect(readTracks()).toEqual({});
    const cleared = await clearActiveSheet();
    expect(cleared).toEqual({ ok: true, address: out.address });
    expect(host.snapshot(ROSTER)).toEqual(before);
    // and the record sheet is gone again: the workbook is as it was
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it('settings lost: a re-run rewrites the same columns instead of refusing or writing beside them', async () => {
    const { host } = hostForCase(c);
    const first = await annotate();
    if (!first.ok) throw new Error(first.reason);
    const after = host.snapshot(ROSTER);
    Office.context.document.settings.remove(TRACK_KEY);
    const again = await annotate();
    expect(again.ok && again.address).toBe(first.address);
    expect(host.snapshot(ROSTER)).toEqual(after);
  });

  it('a ledger cell someone edited is not trusted: clear removes nothing', async () => {
    const { host } = hostForCase(c);
    const out = await annotate();
    if (!out.ok) throw new Error(out.reason);
    const after = host.snapshot(ROSTER);
    host.userSetCell(LEDGER_SHEET, 'C2', '{"sheetId":"x"');
    const cleared = await clearActiveSheet();
    expect(cleared.ok).toBe(false);
    expect(host.snapshot(ROSTER)).toEqual(after);
  });

  it('a workbook annotated before the ledger existed (settings only) still clears', async () => {
    const { host } = hostForCase(c);
    const before = host.snapshot(ROSTER);
    const out = await annotate();
    if (!out.ok) throw new Error(out.reason);
    host.deleteSheet(LEDGER_SHEET);
    expect(Object.keys(readTracks())).toHaveLength(1);
    expect((await clearActiveSheet()).ok).toBe(true);
    expect(host.snapshot(ROSTER)).toEqual(before);
  });
});

describe('a failing settings save', () => {
  it('does not fail 检查并标注 or 清除标注: the work is done, recorded, and a warning is left for the pane', async () => {
    const { host } = hostForCase(c);
    const before = host.snapshot(ROSTER);
    const settings = Office.context.document.settings as unknown as { saveAsync: (cb?: (r: unknown) => void) => void };
    settings.saveAsync = (cb) => setTimeout(() => cb?.({ status: 'failed', error: { message: '文档是只读的' } }), 0);
    takeSaveWarning();
    const out = await annotate();
    expect(out.ok).toBe(true);
    expect(host.sheets.some((s) => s.name === LEDGER_SHEET)).toBe(true);
    expect(takeSaveWarning()).toBe('文档是只读的');
    expect(takeSaveWarning()).toBeUndefined();
    // the pane's own settings write (before every button) resolves too
    await expect(officeJsHost().writeSettings({ policy: c.policy })).resolves.toBeUndefined();
    expect(takeSaveWarning()).toBe('文档是只读的');
    // saveAsync throwing outright is also only a warning
    settings.saveAsync = () => {
      throw new Error('boom');
    };
    expect((await clearActiveSheet()).ok).toBe(true);
    expect(takeSaveWarning()).toBe('boom');
    expect(host.snapshot(ROSTER)).toEqual(before);
  });
});
