/**
 * Settings and the record of what the add-in wrote, kept IN the workbook so they survive
 * closing it (wps.PluginStorage is not persisted: et-jsapi-declare's own doc comment says
 * "该对象的数据不会被持久化"). They live in a very hidden sheet the add-in owns:
 * A1 = settings JSON, A2 = annotation tracks JSON, A3 = the 汇总表 the add-in made.
 * A cell holds 32,767 characters, far more than these need.
 */
import type { AddinSettings } from 'excel-addin/src/core/settings.ts';
import { etApp, XL_SHEET_VERY_HIDDEN, type EtApp, type EtSheet } from './wps-api.js';

export const STORE_SHEET = 'CE_加载项数据';

/** The original fill of a run of status cells: Interior.Pattern and Interior.Color. */
export type FillRun = [count: number, pattern: number, color: number];

export interface WpsTrack {
  sheetName: string;
  /** 0-based row of the header cells written */
  headerRow0: number;
  /** 0-based first annotation column */
  startCol: number;
  /** rows written, header included */
  rows: number;
  headers: string[];
  /** the status column's fills before the add-in coloured it (data rows, run-length) */
  fills: FillRun[];
}

export type Tracks = Record<string, WpsTrack>;

export function findSheet(app: EtApp, name: string): EtSheet | undefined {
  const sheets = app.ActiveWorkbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const s = sheets.Item(i) as EtSheet;
    if (s.Name === name) return s;
  }
  return undefined;
}

function cell(row: number): unknown {
  const s = findSheet(etApp(), STORE_SHEET);
  return s ? s.Cells.Item(row, 1).Value2 : undefined;
}

function parse<T>(v: unknown): T | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    return undefined;
  }
}

/** Creates the store sheet (very hidden) without leaving it active: Worksheets.Add activates the new sheet. */
function storeSheet(): EtSheet {
  const app = etApp();
  const found = findSheet(app, STORE_SHEET);
  if (found) return found;
  const active = app.ActiveSheet;
  const sheets = app.ActiveWorkbook.Worksheets;
  const s = sheets.Add(undefined, sheets.Item(sheets.Count)) as EtSheet;
  s.Name = STORE_SHEET;
  s.Visible = XL_SHEET_VERY_HIDDEN;
  active.Activate();
  return s;
}

function put(row: number, value: unknown): void {
  storeSheet().Cells.Item(row, 1).Value2 = JSON.stringify(value);
}

export const readStoredSettings = (): AddinSettings => ({ ...(parse<AddinSettings>(cell(1)) ?? {}) });
export const writeStoredSettings = (s: AddinSettings): void => put(1, s);
export const readTracks = (): Tracks => ({ ...(parse<Tracks>(cell(2)) ?? {}) });
export const writeTracks = (t: Tracks): void => put(2, t);
export const readSummaryOwned = (): string | undefined => parse<{ sheet: string }>(cell(3))?.sheet;
export const writeSummaryOwned = (sheet: string): void => put(3, { sheet });
