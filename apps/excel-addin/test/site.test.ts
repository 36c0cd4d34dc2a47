/**
 * The deployable site (scripts/site.ts) and its hosting:
 * - CORS: the real `vite preview` server (what `dev-server`/`start` run) answers functions.json
 *   and the page's files for Excel on the web's origin with Access-Control-Allow-Origin: *;
 * - a production site for https://ce.example.gov.cn/addin/ with Office.js self-hosted: no
 *   localhost anywhere, every manifest URL under the base and naming a built file, and the
 *   manifest valid against Microsoft's XSDs (../shared/office-schemas, xmllint-wasm);
 * - in Chromium: the self-hosted page loads the unmodified npm Office.js from its own origin
 *   only, with no CSP violation; with the CDN unreachable the pane says so in Chinese; the
 *   IE11 / old-WebView branch of the ES5 check shows its message instead of nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { validateXML } from 'xmllint-wasm';
import { CDN_OFFICE_JS, DEV_BASE, LEGACY_SCRIPT, manifestFor, normalizeBase, pageFor, parseOfficeJs, writeSite } from '../scripts/site.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const schemas = join(root, '../../../shared/office-schemas');
const CHROMIUM = '/usr/bin/chromium';
const CI = process.env.CI === 'true' || process.env.CI === '1';
const WEB_ORIGIN = 'https://excel.officeapps.live.com';
const PROD = 'https://ce.example.gov.cn/addin/';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function get(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const xsd = (f: string) => ({ fileName: f, contents: readFileSync(join(schemas, f), 'utf8') });
  const others = readdirSync(schemas).filter((f) => f.endsWith('.xsd') && f !== 'OfficeAppManifestV1_1.xsd');
  const r = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [xsd('OfficeAppManifestV1_1.xsd')], preload: others.map(xsd) });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}

function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
}

function textFiles(dir: string, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (skip.includes(p)) continue;
    if (statSync(p).isDirectory()) out.push(...textFiles(p, skip));
    else if (/\.(html|js|json|xml|css)$/.test(name)) out.push(p);
  }
  return out;
}

describe('CORS on the real dev/preview server', () => {
  let server: PreviewServer;
  let base = '';
  beforeAll(async () => {
    const port = await freePort();
    // the same config `pnpm dev-server` uses; under vitest it serves http (no dev certificate)
    server = await preview({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', preview: { port, host: '127.0.0.1', strictPort: true, open: false } });
    base = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  for (const file of ['functions.json', 'taskpane.js', 'taskpane.html', 'assets/icon-32.png']) {
    it(`${file} for Origin ${WEB_ORIGIN}: Access-Control-Allow-Origin *`, async () => {
      const r = await get(`${base}/${file}`, 'GET', { Origin: WEB_ORIGIN });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('*');
    });
  }
  it('functions.json is the built metadata, and the preflight is answered', async () => {
    const r = await get(`${base}/functions.json`, 'GET', { Origin: WEB_ORIGIN });
    expect((JSON.parse(r.body) as { functions: unknown[] }).functions.length).toBe(7);
    const pre = await get(`${base}/functions.json`, 'OPTIONS', { Origin: WEB_ORIGIN, 'Access-Control-Request-Method': 'GET' });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('site settings', () => {
  it('ADDIN_BASE_URL is normalised and must be https', () => {
    expect(normalizeBase(undefined)).toBe(DEV_BASE);
    expect(normalizeBase('https://ce.example.gov.cn/addin')).toBe(PROD);
    expect(normalizeBase('https://ce.example.gov.cn')).toBe('https://ce.example.gov.cn/');
    expect(() => normalizeBase('http://ce.example.gov.cn/')).toThrow(/必须是 https/);
    expect(() => normalizeBase('https://x/?a=1')).toThrow(/查询参数/);
    expect(parseOfficeJs(undefined)).toBe('cdn');
    expect(parseOfficeJs('local')).toBe('self');
    expect(() => parseOfficeJs('intranet')).toThrow(/OFFICE_JS/);
  });
  it('the dev build keeps localhost and Microsoft’s CDN; re-running the step is idempotent', () => {
    const built = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    expect(built).toContain(`<script src="${CDN_OFFICE_JS}" data-office-js="cdn"></script>`);
    expect(pageFor(built, 'cdn')).toBe(built);
    expect(readFileSync(join(dist, 'manifest.xml'), 'utf8')).toBe(manifestFor(readFileSync(join(root, 'manifest.xml'), 'utf8'), DEV_BASE));
  });
  it('the dev manifest (dist) validates against the XSDs', async () => {
    const r = await validateManifest(readFileSync(join(dist, 'manifest.xml'), 'utf8'));
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });
  it('the XSD check can fail (an unknown element is reported)', async () => {
    const bad = readFileSync(join(dist, 'manifest.xml'), 'utf8').replace('<Permissions>', '<Bogus/><Permissions>');
    expect((await validateManifest(bad)).valid).toBe(false);
  });
});

describe(`production site for ${PROD}, Office.js self-hosted`, () => {
  let site = '';
  beforeAll(() => {
    site = mkdtempSync(join(tmpdir(), 'ce-site-'));
    // the rest of dist/ as vite built it, then the site step for the production origin
    cpSync(dist, site, { recursive: true, filter: (p) => !p.startsWith(join(dist, 'office-js')) && !p.startsWith(join(dist, 'offline')) });
    writeSite({ root, dist: site, base: PROD, officeJs: 'self', builtHtml: readFileSync(join(dist, 'taskpane.html'), 'utf8') });
  }, 60_000);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('no localhost and no Microsoft CDN in any page, script or manifest', () => {
    const files = textFiles(site, [join(site, 'office-js')]);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/localhost/);
      expect(text, f).not.toMatch(/appsforoffice\.microsoft\.com/);
    }
  });
  it('every manifest URL is under the base and names a file of the site; AppDomain is its origin', () => {
    const xml = readFileSync(join(site, 'manifest.xml'), 'utf8');
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(12);
    for (const u of urls) {
      if (u === 'https://ce.example.gov.cn') continue;
      expect(u.startsWith(PROD), u).toBe(true);
      expect(existsSync(join(site, u.slice(PROD.length))), u).toBe(true);
    }
    expect(xml).toContain('<AppDomain>https://ce.example.gov.cn</AppDomain>');
  });
  it('the production manifest validates against the XSDs', async () => {
    const r = await validateManifest(readFileSync(join(site, 'manifest.xml'), 'utf8'));
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });
  it('Office.js is the unmodified npm copy and the CSP allows only self for scripts', () => {
    const html = readFileSync(join(site, 'taskpane.html'), 'utf8');
    expect(html).toContain('<script src="./office-js/office.js" data-office-js="self"></script>');
    const csp = /content="(default-src[^"]*)"/.exec(html)![1]!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toMatch(/https:|unsafe-inline/);
    const npm = join(root, 'node_modules/@microsoft/office-js/dist');
    for (const f of ['office.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js']) {
      expect(readFileSync(join(site, 'office-js', f)).equals(readFileSync(join(npm, f))), f).toBe(true);
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: Server;
    let origin = '';
    const canRun = existsSync(CHROMIUM);
    beforeAll(async () => {
      if (!canRun) return;
      server = createHttpServer((req, res) => {
        const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
        const dir = path.startsWith('/addin/') ? site : dist;
        const file = join(dir, path.replace(/^\/addin\//, '/'));
        if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
        const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' }[extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    });

    async function open(url: string, init?: string): Promise<{ page: Page; offsite: string[]; csp: () => Promise<string[]>; errors: string[]; own: string[] }> {
      const page = await browser.newPage();
      const offsite: string[] = [];
      const own: string[] = [];
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*', async (route) => {
        const u = route.request().url();
        if (u.startsWith(origin)) {
          own.push(u.slice(origin.length));
          return route.continue();
        }
        offsite.push(u);
        return route.abort();
      });
      await page.addInitScript('window.__csp=[];document.addEventListener("securitypolicyviolation",function(e){window.__csp.push(e.violatedDirective+" "+e.blockedURI)});');
      if (init) await page.addInitScript(init);
      await page.goto(url);
      return { page, offsite, errors, own, csp: () => page.evaluate('window.__csp') as Promise<string[]> };
    }

    it('self-hosted: Office.js comes from the site itself, nothing offsite, no CSP violation, the pane starts', async () => {
      if (!canRun) return expect(CI, 'Chromium missing in CI').toBe(false);
      const o = await open(`${origin}/addin/taskpane.html`);
      // outside Office the real Office.js finds no host: the pane says so and runs on files
      await o.page.waitForFunction(() => /未检测到 Excel/.test(document.getElementById('message')?.textContent ?? ''), undefined, { timeout: 20_000 });
      expect(o.own).toContain('/addin/office-js/office.js');
      expect(o.offsite).toEqual([]);
      // the only CSP reports Office.js is known to cause are its telemetry parser's inline styles
      expect((await o.csp()).filter((v) => !/^style-src-attr /.test(v))).toEqual([]);
      expect(o.errors).toEqual([]);
      await o.page.close();
    }, 60_000);

    it('CDN unreachable (default build): the pane says Office.js could not be loaded, in Chinese, and offers file mode', async () => {
      if (!canRun) return expect(CI, 'Chromium missing in CI').toBe(false);
      const o = await open(`${origin}/taskpane.html`);
      await o.page.waitForFunction(() => /无法加载 Office\.js/.test(document.getElementById('message')?.textContent ?? ''), undefined, { timeout: 20_000 });
      expect(o.offsite).toContain(CDN_OFFICE_JS);
      expect(await o.page.isVisible('#file')).toBe(true);
      expect(await o.page.isEnabled('#check')).toBe(true);
      await o.page.close();
    }, 60_000);

    for (const how of ['forced', 'Promise.allSettled missing'] as const) {
      it(`old browser (${how}): the ES5 check replaces the pane with a plain Chinese message, allowed by its CSP hash`, async () => {
        if (!canRun) return expect(CI, 'Chromium missing in CI').toBe(false);
        const init = how === 'forced' ? 'window.__ceForceLegacy=true;' : 'delete Promise.allSettled;';
        const o = await open(`${origin}/addin/taskpane.html`, init);
        await o.page.waitForSelector('#legacy', { timeout: 10_000 });
        const text = await o.page.textContent('#legacy');
        expect(text).toMatch(/无法在此版本的 Office 中运行/);
        expect(text).toMatch(/WebView2/);
        expect(text).toMatch(/ce-checker\.html/);
        expect(await o.page.$('#app')).toBeNull();
        expect((await o.csp()).filter((v) => !/^style-src-attr /.test(v))).toEqual([]);
        await o.page.close();
      }, 60_000);
    }
    it('a modern browser does not take the old-browser branch', async () => {
      if (!canRun) return expect(CI, 'Chromium missing in CI').toBe(false);
      const o = await open(`${origin}/addin/taskpane.html`);
      await o.page.waitForSelector('#message:not(:empty)', { timeout: 20_000 });
      expect(await o.page.$('#legacy')).toBeNull();
      expect(LEGACY_SCRIPT).not.toMatch(/=>|`|\blet\b|\bconst\b/);
      await o.page.close();
    }, 60_000);
  });
});
