/**
 * The deployable site in dist/: the manifest and the task pane page for ONE origin, and
 * where Office.js comes from. Run after `vite build` (package.json "build"):
 *
 *   ADDIN_BASE_URL=https://ce.example.gov.cn/addin/  (default https://localhost:3000/)
 *   OFFICE_JS=cdn | self | 21vianet                  (default cdn)
 *
 * - every URL in manifest.xml (icons, SourceLocation, functions script/metadata/page,
 *   SupportUrl, AppDomain) is rewritten to ADDIN_BASE_URL, so nothing is edited by hand;
 * - OFFICE_JS=self copies the unmodified @microsoft/office-js dist into dist/office-js/ and
 *   the page loads ./office-js/office.js with a CSP that allows only 'self' (for networks
 *   that cannot reach Microsoft's CDN; Microsoft supports only the CDN copy for store
 *   add-ins and ships fixes there first — README says so);
 * - the small ES5 inline script that tells IE11 / old WebViews users why nothing runs is
 *   allowed by its sha256 hash (no 'unsafe-inline').
 * The functions are exported for test/site.test.ts, which builds a non-default site.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_BASE = 'https://localhost:3000/';
export const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** 世纪互联 (21Vianet) operated Office 365's copy; not verified from here (no network) */
export const VIANET_OFFICE_JS = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
export type OfficeJsSource = 'cdn' | 'self' | '21vianet';

/** "https://host/path" → "https://host/path/"; refuses anything Office would refuse (http, query, hash) */
export function normalizeBase(raw: string | undefined): string {
  const text = (raw ?? '').trim() || DEV_BASE;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址：${text}`);
  }
  if (u.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL 必须是 https 地址（Office 只加载 HTTPS 加载项）：${text}`);
  if (u.search || u.hash) throw new Error(`ADDIN_BASE_URL 不能带查询参数或 #：${text}`);
  return u.origin + (u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`);
}

export function parseOfficeJs(raw: string | undefined): OfficeJsSource {
  const v = (raw ?? '').trim().toLowerCase() || 'cdn';
  if (v === 'local') return 'self';
  if (v === 'cdn' || v === 'self' || v === '21vianet') return v;
  throw new Error(`OFFICE_JS 只能是 cdn、self 或 21vianet：${raw}`);
}

/** manifest.xml (written for https://localhost:3000/) rewritten for `base` */
export function manifestFor(devManifest: string, base: string): string {
  const origin = new URL(base).origin;
  const out = devManifest
    .replace(/https:\/\/localhost:3000\//g, base)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/, `<AppDomain>${origin}</AppDomain>`)
    .replace(/<!--[^]*?Localhost dev URLs;[^]*?-->/, `<!-- 继续教育学时检查 Excel 加载项清单，为 ${base} 生成（scripts/site.ts）。 -->`);
  if (base !== DEV_BASE && out.includes('localhost')) throw new Error('manifest: localhost left after rewriting');
  return out;
}

/**
 * Shown instead of nothing where the ES2020 module bundle cannot run (Office on Windows
 * without WebView2 falls back to IE11). ES5 only; no module script needed.
 * window.__ceForceLegacy exists only so the Chromium test can take the branch.
 */
export const LEGACY_SCRIPT =
  "(function(){var w=window,d=document;var old=w.__ceForceLegacy||d.documentMode||typeof Promise==='undefined'||typeof Promise.allSettled!=='function'||typeof Symbol==='undefined'||typeof w.BigInt==='undefined'||!('noModule' in d.createElement('script'));if(!old)return;w.__ceLegacy=true;d.addEventListener('DOMContentLoaded',function(){var m=d.createElement('div');m.id='legacy';m.setAttribute('role','alert');m.innerHTML='<h1>\\u7ee7\\u7eed\\u6559\\u80b2\\u5b66\\u65f6\\u68c0\\u67e5\\u65e0\\u6cd5\\u5728\\u6b64\\u7248\\u672c\\u7684 Office \\u4e2d\\u8fd0\\u884c</h1><p>\\u6b64 Office \\u4f7f\\u7528\\u65e7\\u7248\\u6d4f\\u89c8\\u5668\\u5185\\u6838\\uff08Internet Explorer 11\\uff09\\u663e\\u793a\\u52a0\\u8f7d\\u9879\\uff0c\\u65e0\\u6cd5\\u8fd0\\u884c\\u672c\\u52a0\\u8f7d\\u9879\\u3002\\u8bf7\\u8054\\u7cfb\\u4fe1\\u606f\\u4e2d\\u5fc3\\u5b89\\u88c5 Microsoft Edge WebView2 \\u8fd0\\u884c\\u65f6\\uff0c\\u6216\\u6539\\u7528\\u79bb\\u7ebf\\u68c0\\u67e5\\u9875 ce-checker.html\\uff08\\u7528\\u6d4f\\u89c8\\u5668\\u6253\\u5f00\\uff09\\u3002</p><p lang=\"en\">This Office shows add-ins in Internet Explorer 11, which cannot run this add-in. Install the Microsoft Edge WebView2 Runtime, or use the offline checker page ce-checker.html.</p>';var b=d.body;while(b.firstChild)b.removeChild(b.firstChild);b.appendChild(m);});})();";

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** the built taskpane.html with Office.js from `source` and the matching CSP */
export function pageFor(builtHtml: string, source: OfficeJsSource): string {
  const src = source === 'self' ? './office-js/office.js' : source === '21vianet' ? VIANET_OFFICE_JS : CDN_OFFICE_JS;
  const scriptHosts = source === 'self' ? '' : ` ${new URL(src).origin}`;
  // the tag as written in src/taskpane/taskpane.html, or as an earlier run of this step left it
  const tag = /(?:<script>\(function\(\)\{var w=window[^]*?<\/script>\s*)?<script src="[^"]*\/office\.js"(?: data-office-js="[^"]*")?><\/script>/;
  const csp = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")default-src 'none'; script-src [^;]*;/;
  if (!tag.test(builtHtml) || !csp.test(builtHtml)) throw new Error('site: taskpane.html has no Office.js script tag or CSP to rewrite');
  return builtHtml
    .replace(tag, `<script>${LEGACY_SCRIPT}</script>\n    <script src="${src}" data-office-js="${source}"></script>`)
    .replace(csp, `$1default-src 'none'; script-src 'self'${scriptHosts} ${sha256(LEGACY_SCRIPT)};`);
}

/** the folder of the npm @microsoft/office-js package's dist (office.js and what it loads) */
export function officeJsDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

export interface SiteOptions {
  root: string;
  dist: string;
  base: string;
  officeJs: OfficeJsSource;
  /** the dev-built page (dist/taskpane.html as vite wrote it) */
  builtHtml: string;
}

export function writeSite(o: SiteOptions): void {
  mkdirSync(`${o.dist}/assets`, { recursive: true });
  writeFileSync(`${o.dist}/manifest.xml`, manifestFor(readFileSync(`${o.root}manifest.xml`, 'utf8'), o.base));
  writeFileSync(`${o.dist}/taskpane.html`, pageFor(o.builtHtml, o.officeJs));
  for (const f of readdirSync(`${o.root}assets`).filter((n) => n.endsWith('.png'))) cpSync(`${o.root}assets/${f}`, `${o.dist}/assets/${f}`);
  if (o.officeJs === 'self') cpSync(officeJsDist(), `${o.dist}/office-js`, { recursive: true });
  // what this dist was built for (the hosting checks read it)
  writeFileSync(`${o.dist}/site.json`, `${JSON.stringify({ base: o.base, officeJs: o.officeJs }, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dist = `${root}dist`;
  const base = normalizeBase(process.env.ADDIN_BASE_URL);
  const officeJs = parseOfficeJs(process.env.OFFICE_JS);
  writeSite({ root, dist, base, officeJs, builtHtml: readFileSync(`${dist}/taskpane.html`, 'utf8') });
  console.log(`dist/: manifest.xml and taskpane.html for ${base}, Office.js: ${officeJs}`);
}
