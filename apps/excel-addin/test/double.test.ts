/**
 * Pins the host double to Office.js semantics, so tests that pass on it mean something.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ExcelHost, PAYLOAD_LIMIT, parseAddress } from './double/excel-double.js';

let host: ExcelHost;
beforeEach(() => {
  host = new ExcelHost();
  host.addSheet('花名册', [
    ['姓名', '身份证号'],
    ['张三', '152921198502023133'],
  ]);
  host.install();
});

describe('proxy semantics', () => {
  it('reading a property before load+sync throws PropertyNotLoaded', async () => {
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('花名册').getRange('A1:B2');
      expect(() => r.values).toThrow(/The property 'values' is not available/);
      r.load('values');
      // loaded but not yet synced: still not available
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(r.values).toEqual([
        ['姓名', '身份证号'],
        ['张三', '152921198502023133'],
      ]);
      // only what was loaded
      expect(() => r.numberFormat).toThrow(/not available/);
    });
  });

  it('writes are queued until sync, loads snapshot the state at their place in the queue', async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('花名册');
      const a = ws.getRange('C1');
      a.values = [['x']];
      expect(host.cell('花名册', 'C1')).toBeUndefined();
      const before = ws.getRange('C2');
      before.load('values');
      ws.getRange('C2').values = [['y']];
      const after = ws.getRange('C2');
      after.load('values');
      await context.sync();
      expect(host.cell('花名册', 'C1')?.value).toBe('x');
      expect(before.values).toEqual([['']]);
      expect(after.values).toEqual([['y']]);
    });
  });

  it('empty cells read as "", numbers stay numbers, nested format loads', async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('花名册');
      ws.getRange('D1').values = [[30]];
      ws.getRange('D1').format.fill.color = '#ff0000';
      const r = ws.getRange('D1:E1');
      r.load('values');
      r.format.fill.load('color');
      const d1 = ws.getRange('D1');
      d1.load('format/fill/color');
      await context.sync();
      expect(r.values).toEqual([[30, '']]);
      expect(r.format.fill.color).toBeNull(); // mixed fills → null, as in Office.js
      expect(d1.format.fill.color).toBe('#FF0000');
    });
  });

  it('dimension mismatch and unknown sheet fail at sync, not at the call', async () => {
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('花名册').getRange('A1:B1');
        r.values = [['only one']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('没有');
        ws.load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('getItemOrNullObject / getUsedRangeOrNullObject give null objects', async () => {
    host.addSheet('空');
    await Excel.run(async (context) => {
      const none = context.workbook.worksheets.getItemOrNullObject('没有');
      none.load('name');
      const empty = context.workbook.worksheets.getItem('空').getUsedRangeOrNullObject(true);
      empty.load('address');
      const used = context.workbook.worksheets.getItem('花名册').getUsedRange(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
      expect(used.address).toBe('花名册!A1:B2');
      expect([used.rowCount, used.columnCount]).toEqual([2, 2]);
    });
  });

  it('rejects a sync above the 5 MB request limit and applies none of it', async () => {
    const big = 'x'.repeat(1024 * 1024);
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('花名册');
        for (let i = 0; i < 6; i++) ws.getRange(`Z${i + 1}`).values = [[big]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.cell('花名册', 'Z1')).toBeUndefined();
    expect(host.syncLog.at(-1)!.bytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it('rejects a response above 5 MB (Excel on the web limits responses too)', async () => {
    const s = host.sheet('花名册');
    for (let r = 0; r < 3000; r++) s.cells.set(`${r},5`, { value: 'y'.repeat(2000) });
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('花名册').getUsedRange(true);
        r.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(host.syncLog.at(-1)!.responseBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it('onChanged fires after the sync that changed cells and after user edits', async () => {
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: { address: string }) => {
        seen.push(e.address);
      });
      await context.sync();
      context.workbook.worksheets.getItem('花名册').getRange('C3').values = [['z']];
      await context.sync();
    });
    host.userSetCell('花名册', 'B2', '15292119850202313X');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['C3', 'B2']);
  });

  it('settings persist only after saveAsync; reopen drops unsaved ones', async () => {
    const s = Office.context.document.settings;
    s.set('a', { x: 1 });
    await new Promise<void>((r) => s.saveAsync(() => r()));
    s.set('b', 2);
    host.reopen();
    host.install();
    expect(Office.context.document.settings.get('a')).toEqual({ x: 1 });
    expect(Office.context.document.settings.get('b')).toBeNull();
  });

  it('tables: ranges, resize; conditional formats; clear removes contents, formats and contained rules', async () => {
    host.addTable('花名册', 'A1:B2', '表1');
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('花名册');
      const t = ws.tables.getItem('表1');
      const r = t.getRange();
      r.load('address');
      ws.getRange('C1:C2').values = [['状态'], ['达标']];
      t.resize('A1:C2');
      const cf = ws.getRange('C2').conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType);
      cf.textComparison.format.fill.color = '#DFF6DD';
      cf.textComparison.rule = { operator: 'BeginsWith' as Excel.ConditionalTextOperator, text: '达标' };
      await context.sync();
      expect(r.address).toBe('花名册!A1:B2');
      expect(host.sheet('花名册').tables[0]).toMatchObject({ cols: 3 });
      expect(host.sheet('花名册').cfs).toHaveLength(1);
      t.resize('A1:B2');
      ws.getRange('C1:C2').clear('All');
      await context.sync();
      expect(host.sheet('花名册').cfs).toHaveLength(0);
      expect(host.cell('花名册', 'C1')).toBeUndefined();
    });
  });

  it('conditional formats: load items, read type/rule/range, delete one', async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('花名册');
      const a = ws.getRange('C2:C9').conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType);
      a.textComparison.rule = { operator: 'BeginsWith' as Excel.ConditionalTextOperator, text: '达标' };
      const b = ws.getRange('A1:Z99').conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType);
      b.textComparison.rule = { operator: 'Contains' as Excel.ConditionalTextOperator, text: 'x' };
      await context.sync();
      const cfs = ws.getRange('C2:C9').conditionalFormats;
      cfs.load('items/type');
      await context.sync();
      expect(cfs.items.map((x) => x.type)).toEqual(['ContainsText', 'ContainsText']);
      const first = cfs.items[0]!;
      expect(() => first.textComparison.rule).toThrow(/not available/);
      const r = first.getRange();
      r.load('address');
      first.textComparison.load('rule');
      await context.sync();
      expect(r.address).toBe('花名册!C2:C9');
      expect(first.textComparison.rule).toEqual({ operator: 'BeginsWith', text: '达标' });
      first.delete();
      await context.sync();
      expect(host.sheet('花名册').cfs.map((x) => x.rule?.text)).toEqual(['x']);
    });
  });

  it('parses addresses like Office.js', () => {
    expect(parseAddress("'my sheet'!B2:C5")).toEqual({ sheet: 'my sheet', rect: { r0: 1, c0: 1, rows: 4, cols: 2 } });
    expect(parseAddress('3:3').rect).toMatchObject({ r0: 2, rows: 1, c0: 0, cols: 16384 });
    expect(parseAddress('$AA$10').rect).toMatchObject({ r0: 9, c0: 26 });
  });

  it('CustomFunctions.associate registers by id', () => {
    CustomFunctions.associate('ADD', (a: number, b: number) => a + b);
    expect(host.functions.get('ADD')?.(1, 2)).toBe(3);
  });
});
