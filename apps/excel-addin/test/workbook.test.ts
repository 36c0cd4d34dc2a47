import { describe, expect, it } from 'vitest';
import { readUsedGrid, loadSheets } from '../src/core/workbook.js';
import { ExcelHost, PAYLOAD_LIMIT } from './double/excel-double.js';

describe('reading sheets under the response limit', () => {
  it('sizes slices from the rows seen, and halves a slice the host rejects', async () => {
    const host = new ExcelHost();
    const s = host.addSheet('花名册');
    // starts at B3: the grid is padded so column 0 is A, firstRow is 3
    for (let r = 2; r < 3002; r++) {
      s.cells.set(`${r},1`, { value: `p${r}` });
      s.cells.set(`${r},2`, { value: r < 200 ? 'short' : '长'.repeat(2000) });
    }
    host.install();
    const got = await Excel.run(async (context) => readUsedGrid(context, context.workbook.worksheets.getItem('花名册')));
    expect(got!.firstRow).toBe(3);
    expect(got!.grid.length).toBe(3000);
    expect(got!.grid[0]).toEqual(['', 'p2', 'short']);
    expect(got!.grid[2999]![1]).toBe('p3001');
    const failed = host.syncLog.filter((x) => x.responseBytes > PAYLOAD_LIMIT);
    expect(failed.length).toBeGreaterThan(0); // it did hit the limit once, and recovered
    expect(host.syncLog.filter((x) => x.responseBytes > 0 && x.responseBytes <= PAYLOAD_LIMIT).length).toBeGreaterThan(3);
  });

  it('skips missing and empty sheets', async () => {
    const host = new ExcelHost();
    host.addSheet('A', [['x']]);
    host.addSheet('空');
    host.install();
    const got = await Excel.run(async (context) => loadSheets(context, ['A', '空', '没有']));
    expect(got.map((x) => x.name)).toEqual(['A']);
  });
});
