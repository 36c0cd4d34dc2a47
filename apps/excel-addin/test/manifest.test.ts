/** Offline manifest checks (the online check is `pnpm --filter excel-addin validate`). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from './xml.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const xml = readFileSync(`${root}manifest.xml`, 'utf8');

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator(xml)).toBe(true);
  });
  const doc = XMLParser(xml);

  it('declares the CE namespace, shared runtime and least permission', () => {
    expect(doc.find('bt:String', { id: 'Functions.Namespace' })?.attrs.DefaultValue).toBe('CE');
    expect(doc.find('Set', { Name: 'SharedRuntime' })?.attrs.MinVersion).toBe('1.1');
    // the newest Excel API the add-in needs outright (sheet events); newer calls are feature-detected
    expect(doc.find('Set', { Name: 'ExcelApi' })?.attrs.MinVersion).toBe('1.9');
    // CustomFunctions.ErrorCode members are annotated CustomFunctionsRuntime 1.3 (test/api-sets.test.ts)
    expect(doc.find('Set', { Name: 'CustomFunctionsRuntime' })?.attrs.MinVersion).toBe('1.3');
    const runtime = doc.find('Runtime');
    expect(runtime?.attrs).toMatchObject({ resid: 'Taskpane.Url', lifetime: 'long' });
    expect(doc.find('Permissions')?.text).toBe('ReadWriteDocument');
    expect(doc.find('OfficeApp')?.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(doc.find('Host', { Name: 'Workbook' })).toBeTruthy();
  });

  it('shows Chinese first (default locale zh-CN), English as override', () => {
    expect(doc.find('DefaultLocale')?.text).toBe('zh-CN');
    expect(doc.find('DisplayName')?.attrs.DefaultValue).toMatch(/继续教育/);
    expect(doc.find('Description')?.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
  });

  it('custom functions page, function file and task pane are the same shared-runtime page', () => {
    const urls = Object.fromEntries(doc.findAll('bt:Url').map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    expect(urls['Taskpane.Url']).toBe('https://localhost:3000/taskpane.html');
    expect(urls['Functions.Metadata.Url']).toBe('https://localhost:3000/functions.json');
    expect(doc.find('FunctionFile')?.attrs.resid).toBe('Taskpane.Url');
  });

  it('every URL is https on localhost:3000 and names a file the build produces', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u, u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
      const path = new URL(u).pathname.replace(/^\//, '');
      if (path) expect(existsSync(`${root}dist/${path}`), `dist/${path}`).toBe(true);
    }
    // icons: 16/32/64/80 are real PNGs
    for (const s of [16, 32, 64, 80]) {
      const png = readFileSync(`${root}dist/assets/icon-${s}.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(s);
    }
  });

  it('dist/functions.json matches the functions the page registers', () => {
    const meta = JSON.parse(readFileSync(`${root}dist/functions.json`, 'utf8')) as { functions: { id: string }[] };
    const src = readFileSync(`${root}src/functions/functions.ts`, 'utf8');
    const associated = [...src.matchAll(/associate\('([A-Z_]+)'/g)].map((m) => m[1]).sort();
    expect(meta.functions.map((f) => f.id).sort()).toEqual(associated);
  });
});
