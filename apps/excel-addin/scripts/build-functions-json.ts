/**
 * functions.json from the JSDoc in src/functions/functions.ts, with the
 * custom-functions-metadata API (its CLI exits 0 even on errors): any error fails the build.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const root = fileURLToPath(new URL('..', import.meta.url));
// (source and output can be given for the test that proves errors fail the build)
const source = process.argv[2] ?? `${root}src/functions/functions.ts`;
const out = process.argv[3] ?? `${root}dist/functions.json`;

const result = await generateCustomFunctionsMetadata(source, false);
if (result.errors.length > 0) {
  console.error(`custom-functions-metadata: ${result.errors.length} error(s) in ${source}`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
const meta = JSON.parse(result.metadataJson) as { functions: { id: string; name: string }[] };
if (meta.functions.length === 0) {
  console.error('custom-functions-metadata: no @customfunction found');
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.metadataJson);
console.log(`functions.json: ${meta.functions.map((f) => f.id).join(', ')}`);
