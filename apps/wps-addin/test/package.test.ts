/**
 * The built offline package: the files WPS loads from jsaddons/ce-wps_1.0.0/, ribbon.xml,
 * publish.xml and jsplugins.xml well-formed and naming the right files and callbacks.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'excel-addin/test/xml.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const version = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version;
const folder = `ce-wps_${version}`;
const pkg = join(dist, folder);
const read = (p: string): string => readFileSync(join(pkg, p), 'utf8');

describe('the offline package', () => {
  it('has the files WPS loads', () => {
    for (const f of ['index.html', 'ribbon.xml', 'taskpane.html', 'taskpane.css', 'functions.json', 'js/main.js', 'js/taskpane.js', 'images/icon-32.png']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(readdirSync(dist).sort()).toEqual(['jsplugins.xml', folder, 'publish.xml'].sort());
  });

  it('ribbon.xml is customUI with a button whose callbacks main.js defines', () => {
    const xml = read('ribbon.xml');
    expect(XMLValidator(xml)).toBe(true);
    const doc = XMLParser(xml);
    const ui = doc.find('customUI')!;
    expect(ui.attrs.xmlns).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    expect(ui.attrs.onLoad).toBe('ribbon.OnAddinLoad');
    const button = doc.find('button', { id: 'ceShowPane' })!;
    expect(button.attrs.onAction).toBe('ribbon.OnAction');
    expect(button.attrs.getImage).toBe('ribbon.GetImage');
    expect(doc.find('tab')!.attrs.label).toBe('学时检查');
    const main = read('js/main.js');
    for (const name of ['OnAddinLoad', 'OnAction', 'GetImage']) expect(main).toContain(name);
    expect(main).toContain('ceShowPane');
    expect(main).toContain('taskpane.html');
  });

  it('index.html loads js/main.js; taskpane.html is the pane markup without Office.js', () => {
    expect(read('index.html')).toContain('<script src="./js/main.js"></script>');
    const pane = read('taskpane.html');
    expect(pane).not.toContain('appsforoffice');
    expect(pane).not.toContain('office.js');
    expect(pane).toContain('./js/taskpane.js');
    expect(pane).toContain('./taskpane.css');
    expect(pane).toContain('./images/icon-32.png');
    for (const id of ['check', 'clear', 'summary', 'policy', 'year', 'asof', 'counts', 'invalid', 'explain']) expect(pane).toContain(`id="${id}"`);
  });

  it('the scripts make no network calls', () => {
    for (const f of ['js/main.js', 'js/taskpane.js']) expect(read(f)).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });

  it('publish.xml names the folder for type et; jsplugins.xml names the .7z of the same folder', () => {
    const publish = readFileSync(join(dist, 'publish.xml'), 'utf8');
    expect(XMLValidator(publish)).toBe(true);
    const p = XMLParser(publish).find('jsplugin')!;
    expect(p.attrs).toMatchObject({ name: 'ce-wps', type: 'et', url: folder, version });
    const server = readFileSync(join(dist, 'jsplugins.xml'), 'utf8');
    expect(XMLValidator(server)).toBe(true);
    const s = XMLParser(server).find('jsplugin')!;
    expect(s.attrs).toMatchObject({ name: 'ce-wps', type: 'et', version });
    expect(s.attrs.url).toMatch(new RegExp(`/${folder}\\.7z$`));
  });

  it('functions.json has the seven CE functions with Chinese descriptions', () => {
    const meta = JSON.parse(read('functions.json')) as { functions: { id: string; description: string }[] };
    expect(meta.functions.map((f) => f.id)).toEqual(['MISSING', 'MISSING_PUBLIC', 'MISSING_PROFESSIONAL', 'STATUS', 'EXPLAIN', 'HOURS', 'IDCHECK']);
    for (const f of meta.functions) expect(f.description).toMatch(/[\u4e00-\u9fff]/);
  });
});
