/**
 * Writes the clause table (key → clause → tests) for every pack into
 * packages/rules/README.md between the GENERATED markers.
 * Run: pnpm --filter @ce/rules coverage-table
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCoverageTables } from './coverage-render.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = readFileSync(readme, 'utf8');
const start = '<!-- GENERATED:clauses -->';
const end = '<!-- /GENERATED:clauses -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(readme, `${before}\n${renderCoverageTables()}\n${after}`);
console.log('README clause tables updated');
