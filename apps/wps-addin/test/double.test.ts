/**
 * The double pinned to et-jsapi-declare and to the VBA semantics it assumes: the type
 * assertions fail typecheck if the double stops matching Kingsoft's typings for the members
 * the add-in uses; the runtime cases pin the behaviours listed in wps-double.ts. And the
 * ribbon callbacks: the 学时检查 button creates the task pane once, then toggles it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { onAction, onAddinLoad, getImage, PANE_KEY } from '../src/ribbon.ts';
import { DoubleBook, DoubleRange, DoubleSheet, makeWps } from './wps-double.ts';

type RangeUsed = 'Value2' | 'Row' | 'Column' | 'Resize' | 'Item' | 'ClearContents' | 'Select' | 'MergeCells' | 'MergeArea';
type SheetUsed = 'Name' | 'Activate' | 'Visible';

describe('double vs et-jsapi-declare', () => {
  it('has the members the add-in uses, with compatible types', () => {
    expectTypeOf<DoubleRange['Row']>().toEqualTypeOf<Et.Range['Row']>();
    expectTypeOf<DoubleRange['Column']>().toEqualTypeOf<Et.Range['Column']>();
    expectTypeOf<ReturnType<DoubleRange['ClearContents']>>().toEqualTypeOf<ReturnType<Et.Range['ClearContents']>>();
    expectTypeOf<DoubleRange['Rows']['Count']>().toEqualTypeOf<Et.Range['Rows']['Count']>();
    expectTypeOf<DoubleSheet['Name']>().toEqualTypeOf<Et.Worksheet['Name']>();
    expectTypeOf<Pick<DoubleRange, RangeUsed>>().toHaveProperty('Value2');
    expectTypeOf<Pick<DoubleSheet, SheetUsed>>().toHaveProperty('Activate');
    expectTypeOf<Parameters<WPS.EtAddonRoot['AddCustomFunction']>[0]>().toEqualTypeOf<string>();
  });

  it('Value2: scalar for one cell, 2-D array for a block, undefined when empty; sizes must match', () => {
    const b = new DoubleBook();
    const s = b.addSheet('S');
    s.load([[1, 'a'], [undefined, true]]);
    expect(s.Cells.Item(1, 1).Value2).toBe(1);
    expect(s.Cells.Item(2, 1).Value2).toBeUndefined();
    expect(s.Cells.Item(1, 1).Resize(2, 2).Value2).toEqual([[1, 'a'], [undefined, true]]);
    expect(() => (s.Cells.Item(1, 1).Resize(2, 2).Value2 = [[1, 2]])).toThrow();
    expect(() => s.Cells.Item(0, 1)).toThrow();
    s.Cells.Item(3, 1).Resize(1, 2).Value2 = [["'=1+1", '=A1']];
    expect(s.cell(3, 1)!.value).toBe('=1+1');
    expect(s.cell(3, 2)!.formula).toBe('=A1');
  });

  it('UsedRange, MergeCells/MergeArea, Interior (null when mixed, xlNone), Worksheets.Add activates, events', () => {
    const b = new DoubleBook();
    const s = b.addSheet('S');
    expect([s.UsedRange.Row, s.UsedRange.Column, s.UsedRange.Rows.Count]).toEqual([1, 1, 1]);
    s.load([['x']], 3, 2);
    s.merge({ r1: 5, c1: 4, rows: 2, cols: 2 });
    expect([s.UsedRange.Row, s.UsedRange.Column, s.UsedRange.Rows.Count, s.UsedRange.Columns.Count]).toEqual([3, 2, 4, 4]);
    expect(s.Cells.Item(5, 4).Resize(2, 2).MergeCells).toBe(true);
    expect(s.Cells.Item(5, 3).Resize(1, 2).MergeCells).toBeNull();
    expect(s.Cells.Item(1, 1).MergeCells).toBe(false);
    expect(s.Cells.Item(6, 5).MergeArea.Row).toBe(5);
    const r = s.Cells.Item(1, 1).Resize(2, 1);
    expect(r.Interior.Pattern).toBe(-4142);
    s.Cells.Item(1, 1).Interior.Color = 255;
    expect(r.Interior.Color).toBeNull();
    expect(s.Cells.Item(1, 1).Interior.Pattern).toBe(1);
    s.Cells.Item(1, 1).Interior.Pattern = -4142;
    expect(r.Interior.Color).toBe(16777215);
    const events: string[] = [];
    const w = makeWps(b);
    (w.root.ApiEvent as { AddApiEventListener(n: string, cb: (sh: DoubleSheet) => void): void }).AddApiEventListener('SheetChange', (sh) => events.push(sh.Name));
    s.Cells.Item(9, 9).Value2 = 1;
    expect(events).toEqual(['S']);
    const added = b.Worksheets.Add(undefined, b.Worksheets.Item(1));
    expect(b.active).toBe(added);
    expect(b.Worksheets.Item(2)).toBe(added);
  });
});

describe('ribbon callbacks', () => {
  it('OnAddinLoad registers CE.*; 学时检查 creates taskpane.html beside index.html once, then toggles it', () => {
    const b = new DoubleBook();
    b.addSheet('S');
    const w = makeWps(b);
    const meta = { functions: [{ id: 'HOURS', name: 'HOURS', description: '折算学时', result: { type: 'number' }, parameters: [{ name: 'amount' }] }] };
    expect(onAddinLoad(w.root as never, meta)).toBe(true);
    expect([...w.functions.keys()]).toEqual(['CE.HOURS']);
    const root = w.root as never;
    const storage = new Map<string, string>();
    (w.root as { PluginStorage: unknown }).PluginStorage = { getItem: (k: string) => storage.get(k) ?? '', setItem: (k: string, v: unknown) => storage.set(k, String(v)) };
    const href = 'file:///C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/ce-wps_1.0.0/index.html';
    expect(onAction({ Id: 'ceShowPane' }, root, href)).toBe(true);
    const panes = (w.root as { panes: { url: string; Visible: boolean }[] }).panes;
    expect(panes).toHaveLength(1);
    expect(panes[0]!.url).toBe('file:///C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/ce-wps_1.0.0/taskpane.html');
    expect(panes[0]!.Visible).toBe(true);
    expect(storage.get(PANE_KEY)).toBe('1');
    onAction({ Id: 'ceShowPane' }, root, href);
    expect(panes).toHaveLength(1);
    expect(panes[0]!.Visible).toBe(false);
    expect(onAction({ Id: 'other' }, root, href)).toBe(false);
    expect(getImage({ Id: 'ceShowPane' })).toBe('images/icon-32.png');
  });
});
