/**
 * The CE.* functions registered in HyperFormula (GPL-3, test only) from the same
 * metadata functions.json is generated from, and evaluated as real formulas
 * (=CE.MISSING(C2) …) over the public case rosters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type SimpleCellAddress } from 'hyperformula';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { STATUS_LABELS, type Status } from '@ce/rules';
import { readWorkbook } from '../src/core/check.js';
import type { AddinSettings } from '../src/core/settings.js';
import {
  buildIndex,
  FunctionError,
  fnExplain,
  fnHours,
  fnIdCheck,
  fnMissing,
  fnMissingProfessional,
  fnMissingPublic,
  fnStatus,
  type RosterIndex,
} from '../src/functions/engine.js';
import { caseGrid, caseSettings, expectedRows, loadCases, toExcelGrid } from './helpers.js';

interface Meta {
  functions: { id: string; options?: { volatile?: boolean }; parameters: { name: string; type: string; optional?: boolean }[] }[];
}

/** the workbook the functions see (set per case) */
let index: RosterIndex;
let settings: AddinSettings = {};

const impl: Record<string, (...args: unknown[]) => unknown> = {
  MISSING: (id, policy, year) => fnMissing(index, id, settings, opts(policy, year)),
  MISSING_PUBLIC: (id, policy, year) => fnMissingPublic(index, id, settings, opts(policy, year)),
  MISSING_PROFESSIONAL: (id, policy, year) => fnMissingProfessional(index, id, settings, opts(policy, year)),
  STATUS: (id, policy, year) => fnStatus(index, id, settings, opts(policy, year)),
  EXPLAIN: (id, policy, year) => fnExplain(index, id, settings, opts(policy, year)),
  HOURS: (amount, unit) => fnHours(amount, unit ?? '', settings),
  IDCHECK: (id) => fnIdCheck(id),
};

function opts(policy: unknown, year: unknown): { policy?: string; year?: number } {
  return { ...(typeof policy === 'string' && policy ? { policy } : {}), ...(typeof year === 'number' ? { year } : {}) };
}

let meta: Meta;
/** how often each CE.* implementation ran (HyperFormula honours isVolatile from the metadata) */
const calls: Record<string, number> = {};

beforeAll(async () => {
  const source = fileURLToPath(new URL('../src/functions/functions.ts', import.meta.url));
  const result = await generateCustomFunctionsMetadata(source, false);
  expect(result.errors).toEqual([]);
  meta = JSON.parse(result.metadataJson) as Meta;
  const implemented: Record<string, { method: string; isVolatile?: boolean; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
  const translations: Record<string, string> = {};
  class CEPlugin extends FunctionPlugin {}
  for (const f of meta.functions) {
    const name = `CE.${f.id}`;
    const method = `fn_${f.id}`;
    implemented[name] = {
      method,
      ...(f.options?.volatile ? { isVolatile: true } : {}),
      parameters: f.parameters.map((p) => ({
        argumentType: p.type === 'number' ? FunctionArgumentType.NUMBER : p.type === 'string' ? FunctionArgumentType.STRING : FunctionArgumentType.SCALAR,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
    };
    translations[name] = name;
    const fn = impl[f.id];
    if (!fn) throw new Error(`no implementation for ${f.id}`);
    (CEPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // @ts-expect-error protected API used the documented way for custom plugins
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        calls[f.id] = (calls[f.id] ?? 0) + 1;
        try {
          return fn(...args);
        } catch (e) {
          if (e instanceof FunctionError) return new CellError(e.kind === 'notAvailable' ? ErrorType.NA : ErrorType.VALUE, e.message);
          throw e;
        }
      });
    };
  }
  (CEPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(CEPlugin as never, { enGB: translations, enUS: translations });
});

/** the engine's own answer for a data row (a number, or the error kind) */
function fnMissingOrError(rows: string[][], row0: number, s: AddinSettings): unknown {
  const id = rows[row0]![rows[0]!.findIndex((h) => h.includes('身份证'))];
  try {
    return fnMissing(index, id, s, {});
  } catch (e) {
    return e instanceof FunctionError ? expect.objectContaining({ type: e.kind === 'notAvailable' ? 'NA' : 'VALUE' }) : e;
  }
}

/** Excel-like sheet in HyperFormula: long IDs as text (apostrophe), numbers as numbers. */
function hfSheet(rows: string[][]): (string | number)[][] {
  return toExcelGrid(rows).map((r) => r.map((v) => (typeof v === 'string' && /^\d{6,}[\dXx]?$/.test(v) ? `'${v}` : (v as string | number))));
}

describe('CE.* as formulas in HyperFormula', () => {
  it('metadata declares the seven functions', () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual(['EXPLAIN', 'HOURS', 'IDCHECK', 'MISSING', 'MISSING_PROFESSIONAL', 'MISSING_PUBLIC', 'STATUS']);
  });

  for (const c of loadCases()) {
    it(`${c.file}: =CE.MISSING(C2) etc. match the expected columns`, () => {
      const rows = caseGrid(c.file);
      index = buildIndex(
        readWorkbook({ roster: toExcelGrid(rows), sheetName: '花名册', records: c.records ? toExcelGrid(caseGrid(c.records)) : undefined }),
        '花名册',
      );
      settings = caseSettings(c);
      const header = rows[0]!;
      const idCol = header.findIndex((h) => h.includes('身份证'));
      const letter = String.fromCharCode(65 + idCol);
      const width = header.length;
      const data = hfSheet(rows).map((r, i) =>
        i === 0
          ? [...r, 'S', 'M', 'P', 'Q', 'E']
          : [...r, `=CE.STATUS(${letter}${i + 1})`, `=CE.MISSING(${letter}${i + 1})`, `=CE.MISSING_PUBLIC(${letter}${i + 1})`, `=CE.MISSING_PROFESSIONAL(${letter}${i + 1})`, `=CE.EXPLAIN(${letter}${i + 1}, "${c.policy}")`],
      );
      const hf = HyperFormula.buildFromArray(data as never, { licenseKey: 'gpl-v3' });
      const at = (row: number, col: number): unknown => hf.getCellValue({ sheet: 0, row, col } as SimpleCellAddress);
      for (const e of expectedRows(rows)) {
        const r = e.row - 1;
        const where = `${c.file} row ${e.row}`;
        expect(at(r, idCol), where).toBe(e.id); // the ID stayed text
        expect(at(r, width), where).toBe(STATUS_LABELS[e.status as Status].zh);
        if (e.status === 'invalid') {
          expect(at(r, width + 1), where).toBeInstanceOf(Object);
          expect((at(r, width + 1) as { type: string }).type, where).toBe('VALUE');
          continue;
        }
        expect(at(r, width + 1), where).toBe(e.missing);
        expect(at(r, width + 2), where).toBe(e.public);
        expect(at(r, width + 3), where).toBe(e.professional);
        expect(String(at(r, width + 4)), where).toMatch(/结论/);
      }
      hf.destroy();
    });
  }

  it('not volatile: an unrelated edit reruns no CE.* cell; a full recalculation reruns each once, with the settings of now', () => {
    const rows = caseGrid('xilingol-2024.csv');
    index = buildIndex(readWorkbook({ roster: toExcelGrid(rows) }), '花名册');
    settings = { policy: 'xilingol-2024' };
    const header = rows[0]!;
    const idCol = header.findIndex((h) => h.includes('身份证'));
    const letter = String.fromCharCode(65 + idCol);
    const width = header.length;
    const data = hfSheet(rows).map((r, i) => (i === 0 ? [...r, 'M', 'x'] : [...r, `=CE.MISSING(${letter}${i + 1})`, '']));
    const cells = rows.length - 1;
    for (const k of Object.keys(calls)) delete calls[k];
    const hf = HyperFormula.buildFromArray(data as never, { licenseKey: 'gpl-v3' });
    expect(calls.MISSING).toBe(cells);
    // the clerk types into an unrelated cell: no CE.* rerun (with @volatile: all of them)
    hf.setCellContents({ sheet: 0, row: 1, col: width + 1 } as SimpleCellAddress, 'note');
    hf.setCellContents({ sheet: 0, row: 2, col: width + 1 } as SimpleCellAddress, 42);
    expect(calls.MISSING).toBe(cells);
    // the pane changes the review year and the add-in requests a full recalculation
    const before = hf.getCellValue({ sheet: 0, row: 1, col: width } as SimpleCellAddress);
    settings = { policy: 'xilingol-2024', year: 2030 };
    hf.rebuildAndRecalculate();
    expect(calls.MISSING).toBe(2 * cells);
    const after = hf.getCellValue({ sheet: 0, row: 1, col: width } as SimpleCellAddress);
    expect(after).toEqual(fnMissingOrError(rows, 1, { policy: 'xilingol-2024', year: 2030 }));
    expect(after).not.toEqual(before);
    hf.destroy();
  });

  it('unknown ID gives #N/A, a malformed one #VALUE!, helpers compute', () => {
    const rows = caseGrid('xilingol-2024.csv');
    index = buildIndex(readWorkbook({ roster: toExcelGrid(rows) }), '花名册');
    settings = { policy: 'xilingol-2024' };
    const hf = HyperFormula.buildFromArray(
      [["'150102199003077710", '=CE.MISSING(A1)', '=CE.MISSING("123")', '=CE.HOURS(135,"分钟")', '=CE.HOURS(3,"半天")', '=CE.IDCHECK("123")', '=CE.MISSING(A1,"no-such-pack")']] as never,
      { licenseKey: 'gpl-v3' },
    );
    const v = (col: number): unknown => hf.getCellValue({ sheet: 0, row: 0, col } as SimpleCellAddress);
    expect((v(1) as { type: string }).type).toMatch(/NA|VALUE/);
    expect((v(2) as { type: string }).type).toBe('VALUE');
    expect(v(3)).toBe(3);
    expect(v(4)).toBe(12);
    expect(String(v(5))).toMatch(/18位/);
    expect((v(6) as { type: string }).type).toBe('VALUE');
    hf.destroy();
  });
});
