/** Copies manifest.xml and the icons into dist (the files the manifest names; checked by test/manifest.test.ts). */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
copyFileSync(`${root}manifest.xml`, `${root}dist/manifest.xml`);
mkdirSync(`${root}dist/assets`, { recursive: true });
const icons = readdirSync(`${root}assets`).filter((f) => f.endsWith('.png'));
for (const f of icons) copyFileSync(`${root}assets/${f}`, `${root}dist/assets/${f}`);
console.log(`dist/manifest.xml, dist/assets/{${icons.join(',')}}`);
