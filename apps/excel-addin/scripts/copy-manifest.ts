/** Copies manifest.xml into dist (the files it names are checked by test/manifest.test.ts). */
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
copyFileSync(`${root}manifest.xml`, `${root}dist/manifest.xml`);
console.log('dist/manifest.xml');
