/**
 * Personal data stays local: no code path of the add-in can reach the network,
 * and the page's Content-Security-Policy allows no origin but its own and Office.js's CDN.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { XMLValidator } from './xml.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const NETWORK = /\b(?:fetch\s*\(|XMLHttpRequest\b|WebSocket\b|EventSource\b|sendBeacon\b|importScripts\s*\(|RTCPeerConnection\b|navigator\.serviceWorker\b)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('no network', () => {
  it('the add-in source never calls fetch / XMLHttpRequest / WebSocket', () => {
    const hits = files(join(root, 'src'))
      .filter((f) => /\.(ts|html|js)$/.test(f))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter((x) => NETWORK.test(x.line));
    expect(hits.map((h) => `${h.f}:${h.i + 1}: ${h.line.trim()}`)).toEqual([]);
  });

  it('nor does the built bundle (the packages it includes, too)', () => {
    // the offline page inlines its whole bundle into the one HTML file
    for (const f of files(join(root, 'dist')).filter((x) => x.endsWith('.js') || x.endsWith('ce-checker.html'))) {
      const m = NETWORK.exec(readFileSync(f, 'utf8'));
      expect(m?.[0], f).toBeUndefined();
    }
  });

  it('the checker itself catches a call (so the test above can fail)', () => {
    expect(NETWORK.test('await fetch("https://x")')).toBe(true);
    expect(NETWORK.test('new WebSocket(u)')).toBe(true);
    expect(NETWORK.test('const fetched = 1')).toBe(false);
    // calling importScripts loads a script; a polyfill's feature test (`!self.importScripts`) does not
    expect(NETWORK.test('importScripts("https://x/a.js")')).toBe(true);
    expect(NETWORK.test('e.postMessage&&!e.importScripts')).toBe(false);
  });
});

describe('Content-Security-Policy of the task pane', () => {
  const html = readFileSync(join(root, 'src/taskpane/taskpane.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );

  it('is set, and defaults to nothing', () => {
    expect(csp).not.toBe('');
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
  });

  it('allows exactly one other origin: Office.js from https://appsforoffice.microsoft.com, for scripts only', () => {
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    const origins = csp.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect(origins).toEqual(['https://appsforoffice.microsoft.com']);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('the page loads no other external resource', () => {
    const built = existsSync(join(root, 'dist/taskpane.html')) ? readFileSync(join(root, 'dist/taskpane.html'), 'utf8') : html;
    const external = [...built.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(built).not.toMatch(/style="/); // inline styles would need 'unsafe-inline'
  });

  it('the manifest XML checker rejects malformed XML', () => {
    expect(XMLValidator('<a><b></a>')).not.toBe(true);
    expect(XMLValidator('<a x="1" x="2"/>')).not.toBe(true);
    expect(XMLValidator('<a>&</a>')).not.toBe(true);
  });
});
