/**
 * The task pane page: excel-addin's pane (src/taskpane/pane.ts), unchanged, on the WPS
 * adapter. Outside WPS (no window.wps) it says so instead of failing.
 */
import { initPane } from 'excel-addin/src/taskpane/pane.ts';
import { WpsHost } from '../host/wps-host.js';
import { wpsRoot } from '../host/wps-api.js';

/** the pane's privacy line names Excel; in WPS it must name WPS */
function wpsPrivacy(): void {
  const el = document.getElementById('privacy');
  if (!el) return;
  const fix = (): void => {
    const text = el.textContent ?? '';
    const next = text.replace(/Excel/g, 'WPS 表格');
    if (next !== text) el.textContent = next;
  };
  new MutationObserver(fix).observe(el, { childList: true, characterData: true, subtree: true });
  fix();
}

function start(): void {
  if (!wpsRoot()) {
    const m = document.getElementById('message');
    if (m) {
      m.textContent = '未检测到 WPS 表格：此页面是 WPS 加载项的任务窗格，请在 WPS 表格中通过“学时检查”按钮打开。';
      m.classList.add('error');
    }
    return;
  }
  wpsPrivacy();
  initPane(new WpsHost());
}

start();
