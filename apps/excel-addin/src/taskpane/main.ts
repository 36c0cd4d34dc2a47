/**
 * The one page of the shared runtime: registers the CE.* custom functions and
 * starts the task pane. (Manifest: Runtime, FunctionFile and CustomFunctions Page
 * all point at taskpane.html.) The same page is the offline checker: without an
 * Excel host it runs the pane on the file adapter.
 */
import './taskpane.css';
import { registerFunctions } from '../functions/functions.js';
import { detectHost } from '../hosts/detect.js';
import { officeJsHost } from '../hosts/officejs/index.js';
import { initPane } from './pane.js';

/** the add-in page names Office.js (scripts/site.ts); the offline page does not */
function officeJsMissing(): boolean {
  return !!document.querySelector('script[data-office-js]') && typeof (globalThis as { Office?: unknown }).Office === 'undefined';
}

async function start(): Promise<void> {
  // the ES5 check in taskpane.html already replaced the page (IE11 / old WebView)
  if ((globalThis as { __ceLegacy?: boolean }).__ceLegacy) return;
  const hasPane = !!document.getElementById('app');
  if ((await detectHost()) === 'excel') {
    registerFunctions();
    if (hasPane) initPane(officeJsHost());
    return;
  }
  if (!hasPane) return;
  // the file adapter (ExcelJS, SheetJS) is loaded only here, so Excel never downloads it
  const { FileHost } = await import('../hosts/file/index.js');
  const host = new FileHost();
  host.mount();
  initPane(host, { notice: officeJsMissing() ? 'officeJsMissing' : 'fileMode' });
}

void start();
