/**
 * The built pane with the REAL Office.js (npm @microsoft/office-js 1.1.110, unmodified) in
 * Chromium: dist/ served at https://localhost:3000 and the Office.js files at their CDN URL
 * by request routing (no network), the Windows host's `window.external` handshake and Excel
 * on the web's iframe + XDM messages emulated just far enough for Office.onReady to resolve
 * with host Excel (after ../shared/tools/officejs/csp-hosts.mjs). Asserts: onReady says
 * Excel, the pane runs on Office.js (not file mode), the seven CE.* functions are
 * associated, no request leaves the two origins, and no CSP violation except Office.js's
 * own telemetry inline styles (style-src-attr). Excel API batches are answered with an
 * error: this proves start-up, CSP and registration, not the Excel API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { writeSite } from '../scripts/site.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(root, 'dist');
const OJS = join(root, 'node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const ORIGIN = 'https://localhost:3000';
const WEB_PARENT = 'https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx';
const CHROMIUM = '/usr/bin/chromium';
const CI = process.env.CI === 'true' || process.env.CI === '1';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };
const APP_ID = '6f3c2a9e-4b1d-4e8a-9c57-2d8e1f0b7a41';
const REQ = { excelapi: 1.17, sharedruntime: 1.1, customfunctionsruntime: 1.4, ribbonapi: 1.2, dialogapi: 1.2, addincommands: 1.1, documentevents: 1.1, settings: 1.1, file: 1.1, selection: 1.1, customfunctions: 1.1 };
// flags 3 = shared app + custom functions (the manifest's shared runtime)
const HOST_INFO = (platform: string) => `Excel|${platform}|16.01|zh-CN|11111111-2222-3333-4444-555555555555|||3`;

/** the CDN is case-insensitive (AgaveErrorUX vs agaveerrorux) */
function findCI(dir: string, rel: string): string | undefined {
  let cur = dir;
  for (const part of rel.split('/').filter(Boolean)) {
    if (!existsSync(cur) || !statSync(cur).isDirectory()) return undefined;
    const hit = readdirSync(cur).find((f) => f.toLowerCase() === part.toLowerCase());
    if (!hit) return undefined;
    cur = join(cur, hit);
  }
  return existsSync(cur) && statSync(cur).isFile() ? cur : undefined;
}

// spies: what onReady said, and which functions the page associated (wrapped as soon as Office.js defines them)
const SPY = `(function(){var t=setInterval(function(){var w=window;if(w.Office&&w.Office.onReady&&!w.__spied){w.__spied=1;w.Office.onReady().then(function(i){w.__onReadyInfo=i;});}
if(w.CustomFunctions&&w.CustomFunctions.associate&&!w.__cfSpied){w.__cfSpied=1;w.__associated=[];var a=w.CustomFunctions.associate;w.CustomFunctions.associate=function(id,f){w.__associated.push(String(id));return a.apply(this,arguments);};}
if(w.__spied&&w.__cfSpied)clearInterval(t);},1);
window.__csp=[];document.addEventListener('securitypolicyviolation',function(e){window.__csp.push(e.effectiveDirective+' '+e.blockedURI);},true);})();`;

const WIN32 = `(function(){var REQ=${JSON.stringify(REQ)};var ctx={GetAppType:function(){return 1},GetSolutionRef:function(){return '${APP_ID}'},GetAppVersionMajor:function(){return 16},GetAppVersionMinor:function(){return 1},
GetAppUILocale:function(){return 'zh-CN'},GetAppDataLocale:function(){return 'zh-CN'},GetDocUrl:function(){return 'C:\\\\HR\\\\roster.xlsx'},GetAppCapabilities:function(){return 1},
GetActivationMode:function(){return 1},GetControlIntegrationLevel:function(){return 1},GetSolutionToken:function(){return ''},GetCorrelationId:function(){return '11111111-2222-3333-4444-555555555555'},
GetInstanceId:function(){return 'inst-1'},GetTouchEnabled:function(){return false},GetCommerceAllowed:function(){return true},GetSupportedMatrix:function(){return JSON.stringify(REQ)},
GetHostCustomMessage:function(){return ''},GetHostFullVersion:function(){return '16.0.18000.20000'},GetDialogRequirementMatrix:function(){return ''},GetFeaturesForSolution:function(){return '{}'},
GetInitialDisplayMode:function(){return 2},GetSettings:function(){return {Read:function(){},Write:function(){},Save:function(){}}}};
var ext={GetHostInfo:function(){return '${HOST_INFO('Win32')}'},GetContext:function(){return ctx},
Execute:function(id,p,cb){setTimeout(function(){try{cb(id===93?5001:0,id===93?null:[])}catch(e){}},0)},
RegisterEvent:function(id,t,h,cb){setTimeout(function(){cb(0)},0)},UnregisterEvent:function(id,t,cb){setTimeout(function(){cb(0)},0)},GetLoggingAllowed:function(){return true}};
try{Object.defineProperty(window,'external',{value:ext,configurable:true,writable:true})}catch(e){window.external=ext}})();`;

function webParentHtml(): string {
  const appContext = {
    _id: APP_ID, _appName: 16, _appVersion: '16.01', _appUILocale: 'zh-CN', _dataLocale: 'zh-CN', _docUrl: 'https://contoso.sharepoint.com/roster.xlsx', _clientMode: 1, _settings: [], _reason: 1,
    _osfControlType: 1, _eToken: '', _correlationId: '11111111-2222-3333-4444-555555555555', _appInstanceId: 'inst-1', _appMinorVersion: 1, _requirementMatrix: JSON.stringify(REQ),
    _hostFullVersion: '16.0.18000.40000', _initialDisplayMode: 2, _marketplaceType: 'Private',
  };
  return `<!doctype html><html><body><script>
var hostInfo='${HOST_INFO('Web')}';var appContext=${JSON.stringify(appContext)};
window.addEventListener('message',function(e){var m;try{m=JSON.parse(e.data)}catch(x){return}if(m._messageType!==0)return;var data=null;
if(m._actionName==='ContextActivationManager_getAppContextAsync')data=appContext;else if(m._actionName==='executeMethod'){var d=m._data&&m._data.DdaMethod&&m._data.DdaMethod.DispatchId;data=d===93?{Version:1,Error:5001}:{Version:1,Error:0};}
e.source.postMessage(JSON.stringify({_messageType:1,_actionName:m._actionName,_conversationId:m._conversationId,_correlationId:m._correlationId,_origin:location.origin,_data:data,_errorCode:0,_responseType:0,_serializerVersion:1}),e.origin);});
var f=document.createElement('iframe');f.name=JSON.stringify({baseFrameName:'frame_1',hostInfo:hostInfo,xdmInfo:'conv_1|${APP_ID}|'+encodeURIComponent(location.href),serializerVersion:'1',flights:'[]'});
f.width=380;f.height=760;f.src='${ORIGIN}/taskpane.html?_host_Info='+hostInfo.split('|').join('$');document.body.appendChild(f);
</script></body></html>`;
}

const canRun = existsSync(CHROMIUM) && existsSync(OJS);
let browser: Browser;
/** a site built with OFFICE_JS=self (Office.js copied next to the page) */
let selfSite = '';

beforeAll(async () => {
  if (!canRun) return;
  selfSite = mkdtempSync(join(tmpdir(), 'ce-self-'));
  cpSync(DIST, selfSite, { recursive: true, filter: (p) => !p.startsWith(join(DIST, 'offline')) && !p.startsWith(join(DIST, 'office-js')) });
  writeSite({ root, dist: selfSite, base: `${ORIGIN}/`, officeJs: 'self', builtHtml: readFileSync(join(DIST, 'taskpane.html'), 'utf8') });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (selfSite) rmSync(selfSite, { recursive: true, force: true });
});

async function open(kind: 'win32' | 'web', dist = DIST): Promise<{ page: Page; frame: () => Frame | undefined; offsite: string[]; cdn: string[] }> {
  const context = await browser.newContext({ viewport: { width: 420, height: 800 }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const offsite: string[] = [];
  const cdn: string[] = [];
  await context.addInitScript(SPY);
  if (kind === 'win32') await context.addInitScript(WIN32);
  await context.route('**/*', async (route) => {
    const u = route.request().url();
    if (kind === 'web' && u.startsWith(WEB_PARENT)) return route.fulfill({ status: 200, contentType: 'text/html', body: webParentHtml() });
    if (u.startsWith(CDN)) {
      cdn.push(u);
      const f = findCI(OJS, decodeURIComponent(new URL(u).pathname.slice('/lib/1/hosted/'.length)));
      return f ? route.fulfill({ status: 200, contentType: TYPES[extname(f)] ?? 'application/octet-stream', body: readFileSync(f) }) : route.fulfill({ status: 404, body: '' });
    }
    if (u.startsWith(`${ORIGIN}/`)) {
      const f = join(dist, new URL(u).pathname.slice(1) || 'taskpane.html');
      return existsSync(f) ? route.fulfill({ status: 200, contentType: TYPES[extname(f)] ?? 'application/octet-stream', body: readFileSync(f) }) : route.fulfill({ status: 404, body: '' });
    }
    offsite.push(u);
    return route.abort();
  });
  const hostInfo = HOST_INFO('Win32').split('|').join('$');
  await page.goto(kind === 'win32' ? `${ORIGIN}/taskpane.html?_host_Info=${hostInfo}` : WEB_PARENT);
  return { page, frame: () => (kind === 'web' ? page.frames().find((f) => f.url().startsWith(ORIGIN)) : page.mainFrame()), offsite, cdn };
}

describe('the built pane with the real Office.js', () => {
  for (const [kind, officeJs] of [['win32', 'cdn'], ['web', 'cdn'], ['win32', 'self'], ['web', 'self']] as const) {
    it(`${kind === 'win32' ? 'Excel on Windows (window.external)' : 'Excel on the web (iframe + XDM)'}, Office.js ${officeJs === 'self' ? 'self-hosted' : 'from the CDN URL'}: onReady host Excel, pane on Office.js, seven CE.* functions associated, CSP clean`, async () => {
      if (!canRun) return expect(CI, 'Chromium or @microsoft/office-js missing in CI').toBe(false);
      const o = await open(kind, officeJs === 'self' ? selfSite : DIST);
      await expect.poll(() => o.frame()?.evaluate(() => (window as unknown as { __associated?: string[] }).__associated?.length ?? 0).catch(() => 0), { timeout: 20_000 }).toBe(7);
      const f = o.frame()!;
      const state = await f.evaluate(() => {
        const w = window as unknown as { __onReadyInfo?: { host: string }; __associated: string[]; __csp: string[] };
        return {
          host: w.__onReadyInfo?.host,
          associated: [...w.__associated].sort(),
          csp: w.__csp,
          fileMode: !(document.getElementById('file-mode') as HTMLElement).hidden,
          message: document.getElementById('message')?.textContent ?? '',
          functionsNote: !(document.getElementById('functions-note') as HTMLElement).hidden,
          legacy: !!document.getElementById('legacy'),
        };
      });
      expect(state.host).toBe('Excel');
      expect(state.associated).toEqual(['EXPLAIN', 'HOURS', 'IDCHECK', 'MISSING', 'MISSING_PROFESSIONAL', 'MISSING_PUBLIC', 'STATUS']);
      expect(state.fileMode).toBe(false);
      expect(state.message).not.toMatch(/文件模式|Office\.js/);
      expect(state.functionsNote).toBe(true);
      expect(state.legacy).toBe(false);
      expect(state.csp.filter((v) => !/^style-src-attr /.test(v))).toEqual([]);
      expect(o.offsite).toEqual([]);
      // self-hosted: not one request to Microsoft's CDN
      if (officeJs === 'self') expect(o.cdn).toEqual([]);
      else expect(o.cdn.length).toBeGreaterThan(0);
      await o.page.context().close();
    }, 60_000);
  }
});
