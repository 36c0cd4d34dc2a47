/**
 * The add-in's main page script (index.html, loaded by WPS when 表格 starts; the wpsjs
 * template's ribbon.js layout): the ribbon callbacks named in ribbon.xml, and the CE.*
 * functions registered once at load.
 */
import { registerFunctions, type FunctionsJson } from './functions.js';
import { wpsRoot, type RibbonControl, type WpsRoot } from './host/wps-api.js';

/** functions.json (from excel-addin's JSDoc), put in by the build (scripts/build.ts) */
declare const __CE_FUNCTIONS__: FunctionsJson;

export const PANE_KEY = 'ce_taskpane_id';
export const PANE_BUTTON = 'ceShowPane';

/** the folder of index.html: the task pane page sits beside it */
export function baseUrl(href: string): string {
  return href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

export function onAddinLoad(root: WpsRoot | undefined = wpsRoot(), meta: FunctionsJson = __CE_FUNCTIONS__): boolean {
  if (!root) return false;
  try {
    registerFunctions(meta, root);
  } catch (e) {
    // an older WPS without custom functions must still get the ribbon button
    console.error('CE.* 函数注册失败', e);
  }
  return true;
}

/** 学时检查 button: creates the task pane once (its id kept for this WPS session), then shows/hides it. */
export function onAction(control: RibbonControl, root: WpsRoot | undefined = wpsRoot(), href = location.href): boolean {
  if (!root || control.Id !== PANE_BUTTON) return false;
  const id = root.PluginStorage.getItem(PANE_KEY);
  const existing = id ? root.GetTaskPane(Number(id)) : undefined;
  if (existing) {
    existing.Visible = !existing.Visible;
    return true;
  }
  const pane = root.CreateTaskPane(`${baseUrl(href)}taskpane.html`, '继续教育学时检查');
  root.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

export function getImage(control: RibbonControl): string {
  return control.Id === PANE_BUTTON ? 'images/icon-32.png' : '';
}

/** ribbon.xml names ribbon.OnAddinLoad / ribbon.OnAction / ribbon.GetImage */
export const ribbon = {
  OnAddinLoad: (_ui?: unknown) => onAddinLoad(),
  OnAction: (control: RibbonControl) => onAction(control),
  GetImage: (control: RibbonControl) => getImage(control),
};
