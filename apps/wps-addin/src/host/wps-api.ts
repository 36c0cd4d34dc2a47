/**
 * The WPS object model as this add-in uses it: the types come from et-jsapi-declare
 * (Kingsoft's typings of the ET 表格 API and the add-in root `wps`). Where the typings
 * are `any` or lack something, the minimal extension is declared here, with the doc it
 * rests on:
 * - the ribbon callback's control argument (`OnAction(control)`, `control.Id`): the wpsjs
 *   template's ribbon.js (https://365.kdocs.cn/3rd/open/documents/app-integration-dev/client/wpsoffice/wps-integration-mode/wps-addin-development/),
 *   not in et-jsapi-declare;
 * - `Range.Interior.Color` / `Pattern` are `any` in the typings; VBA semantics (Excel's
 *   object model, which ET follows): Color is a BGR integer, Pattern xlNone = -4142 for
 *   no fill, and a multi-cell range reports null when its cells differ.
 */
/// <reference types="et-jsapi-declare" />

export type WpsRoot = WPSMergedRoot;
export type EtRange = Et.Range;
export type EtSheet = Et.Worksheet;
export type EtApp = Et.Application;

export interface RibbonControl {
  Id: string;
}

/** xlNone: no fill (Interior.Pattern / ColorIndex) */
export const XL_NONE = -4142;
/** xlPatternSolid */
export const XL_SOLID = 1;
/** Worksheet.Visible = xlSheetVeryHidden: not listed in 取消隐藏, kept in the file */
export const XL_SHEET_VERY_HIDDEN = 2;

export function wpsRoot(): WpsRoot | undefined {
  const w = (globalThis as { wps?: WpsRoot }).wps;
  return w && typeof w === 'object' ? w : undefined;
}

/** The ET application (`wps.EtApplication()` in old builds is a property; `Application` in new ones). */
export function etApp(root: WpsRoot | undefined = wpsRoot()): EtApp {
  if (!root) throw new Error('没有找到 WPS 表格的接口（全局对象 wps）：请在 WPS 表格中打开此加载项。');
  const maybe = (root as unknown as { EtApplication?: unknown }).EtApplication;
  if (typeof maybe === 'function') return (maybe as () => EtApp).call(root);
  return (maybe as EtApp | undefined) ?? (root as unknown as EtApp);
}

/** "#DFF6DD" → the BGR integer Interior.Color takes */
export function bgr(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}
