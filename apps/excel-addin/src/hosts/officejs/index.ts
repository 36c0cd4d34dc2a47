/**
 * The Office.js adapter of the host port: the batched Excel.run code in
 * taskpane/annotate.ts, taskpane/summary-sheet.ts and core/workbook.ts (5 MB request
 * chunking kept), settings in the document.
 */
import { readSettings, writeSettings, type AddinSettings } from '../../core/settings.js';
import { functionInputsChanged, requestFullRecalc } from '../../functions/recalc.js';
import { readRosterWorkbook } from '../../core/workbook.js';
import { annotateActiveSheet, clearActiveSheet, explanationAt, selectRow } from '../../taskpane/annotate.js';
import { writeSummarySheet } from '../../taskpane/summary-sheet.js';
import type { SpreadsheetHost } from '../port.js';

export function officeJsHost(): SpreadsheetHost {
  return {
    kind: 'officejs',
    privacyText: 'privacy',
    hasCellFunctions: true,
    readSettings,
    // a new pack / year / as-of / language / roster sheet: every CE.* cell reruns once
    // (they read the settings at call time; they are not volatile)
    async writeSettings(next: AddinSettings) {
      const before = readSettings();
      await writeSettings(next);
      if (functionInputsChanged(before, next)) await requestFullRecalc();
    },
    annotate: annotateActiveSheet,
    clear: clearActiveSheet,
    readRoster: () =>
      Excel.run(async (context) => {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        return readRosterWorkbook(context, active.name);
      }),
    writeSummary: (model) => writeSummarySheet(model),
    selectRow,
    explanationAt,
    onSelectionChanged(cb) {
      // the row of the selected cell ("Sheet1!B7" or "B7:C9")
      void Excel.run(async (context) => {
        context.workbook.worksheets.onSelectionChanged.add(async (e: { worksheetId: string; address: string }) => {
          const m = /^[A-Z]+(\d+)/.exec(e.address.replace(/^.*!/, '').replace(/\$/g, ''));
          cb({ sheetId: e.worksheetId, row0: m ? Number(m[1]) - 1 : -1 });
        });
        await context.sync();
      }).catch(() => undefined);
    },
  };
}
