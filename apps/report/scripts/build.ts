/**
 * Build the self-contained `ce-report`: `dist/ce-report.mjs` plus its chunks and
 * data files, runnable by plain `node` (≥ 20) from any folder, no node_modules.
 *
 * - ESM with code splitting: the renderers (pdfkit, exceljs, subset-font, the
 *   HTML/PDF/XLSX modules) are reached only through dynamic `import()`, so
 *   `check` never loads them (start-up is what a clerk waits for, issue #15).
 * - The render worker is its own entry at `dist/render/worker-entry.mjs`, the
 *   path summary.ts starts it from (relative to its own chunk at dist/).
 * - Chunks stay beside the entry (not in a subfolder): `import.meta.url`,
 *   `__dirname` and `createRequire` in a chunk then all mean dist/, where the
 *   data files below are copied.
 * - Files the bundled code reads at run time from node_modules are rewritten to
 *   paths in dist/ (ASSET_REWRITES) and copied; any other `require.resolve` left
 *   in bundled code fails the build, so a new one cannot slip through unnoticed.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const APP = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(APP, 'dist');

/** Folder of an installed package, resolved the way the bundled code resolves it. */
function pkgDir(name: string, from: string = APP): string {
  const r = createRequire(join(from, 'package.json'));
  let dir = dirname(r.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

interface Rewrite {
  /** a file of the bundle whose text names something in node_modules at run time */
  file: RegExp;
  from: string | RegExp;
  to: string;
}

/**
 * Each rewrite must match exactly where it says; a miss fails the build (the
 * upstream code changed and the bundle would read a file that is not there).
 * `__dirname` is dist/ in every chunk (see BANNER).
 */
const ASSET_REWRITES: Rewrite[] = [
  // PDF fonts (src/render/pdf.ts): copied to dist/fonts/.
  {
    file: /src[\\/]render[\\/]pdf\.ts$/,
    from: 'require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`)',
    to: '__ce_join(__dirname, "fonts", `NotoSansSC_${weight}.ttf`)',
  },
  // subset-font's HarfBuzz wasm: copied to dist/harfbuzz-subset.wasm.
  {
    file: /subset-font[\\/]index\.js$/,
    from: "require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')",
    to: '__ce_join(__dirname, "harfbuzz-subset.wasm")',
  },
  // pdfkit's standard-font metrics (Helvetica is loaded by every new document): copied to dist/pdfkit-fonts/.
  {
    file: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/,
    from: /require\$1\('#standard-fonts\/(\w+)'\)/g,
    to: "require$$1('./pdfkit-fonts/$1.cjs')",
  },
];

function assetPlugin(): Plugin {
  const used = new Set<Rewrite>();
  return {
    name: 'ce-assets',
    setup(b) {
      b.onLoad({ filter: /\.(m|c)?[jt]s$/ }, async (args) => {
        const rewrites = ASSET_REWRITES.filter((r) => r.file.test(args.path));
        let text = await readFile(args.path, 'utf8');
        if (rewrites.length === 0 && !text.includes('require.resolve(')) return undefined;
        for (const r of rewrites) {
          const next = text.replace(r.from, r.to);
          if (next === text) throw new Error(`build: ${args.path} no longer contains ${String(r.from)}; update ASSET_REWRITES`);
          text = next;
          used.add(r);
        }
        if (/require\.resolve\(/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) {
          throw new Error(`build: ${relative(APP, args.path)} calls require.resolve at run time; add its file to ASSET_REWRITES`);
        }
        const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
        return { contents: text, loader, resolveDir: dirname(args.path) };
      });
      b.onEnd(() => {
        const missed = ASSET_REWRITES.filter((r) => !used.has(r));
        if (missed.length > 0) throw new Error(`build: rewrites never applied: ${missed.map((r) => String(r.file)).join(', ')}`);
      });
    },
  };
}

/**
 * Every output file (entries and chunks) gets `require`, `__filename`,
 * `__dirname` for the CommonJS packages inside (exceljs, fontkit …), pointing at
 * the file itself. Aliased imports, so they cannot clash with the bundle's own.
 */
const BANNER = [
  "import { createRequire as __ce_createRequire } from 'node:module';",
  "import { fileURLToPath as __ce_fileURLToPath } from 'node:url';",
  "import { dirname as __ce_dirname, join as __ce_join } from 'node:path';",
  'const require = __ce_createRequire(import.meta.url);',
  'const __filename = __ce_fileURLToPath(import.meta.url);',
  'const __dirname = __ce_dirname(__filename);',
  // Node warns about `new Buffer()` only for code outside node_modules, which bundled
  // exceljs/pdfkit now are; that deprecation is theirs, not something a clerk can act on.
  "if (!globalThis.__ce_quiet) { globalThis.__ce_quiet = true; const w = process.emitWarning; process.emitWarning = function (m, ...a) { const o = a[0]; if ((typeof o === 'object' && o?.code === 'DEP0005') || a[1] === 'DEP0005') return; return w.call(this, m, ...a); }; }",
].join(' ');

function copyAssets(): void {
  const fonts = pkgDir('@expo-google-fonts/noto-sans-sc');
  mkdirSync(join(DIST, 'fonts'), { recursive: true });
  for (const w of ['400Regular', '700Bold']) cpSync(join(fonts, w, `NotoSansSC_${w}.ttf`), join(DIST, 'fonts', `NotoSansSC_${w}.ttf`));
  cpSync(join(fonts, 'LICENSE'), join(DIST, 'fonts', 'LICENSE-NotoSansSC'), { force: true });

  const subset = pkgDir('subset-font');
  const hb = pkgDir('harfbuzzjs', subset);
  cpSync(join(hb, 'dist', 'harfbuzz-subset.wasm'), join(DIST, 'harfbuzz-subset.wasm'));

  const pdfkit = pkgDir('pdfkit');
  // the .cjs metrics files and the chunk of glyph names they share
  cpSync(join(pdfkit, 'js', 'standard-fonts'), join(DIST, 'pdfkit-fonts'), { recursive: true, filter: (p) => !p.endsWith('.mjs') && !p.endsWith('.map') });
  // pdfkit reads its ICC profile beside its own file (new URL('./data/…', import.meta.url)) for PDF/A
  cpSync(join(pdfkit, 'js', 'data'), join(DIST, 'data'), { recursive: true, filter: (p) => !p.endsWith('.afm') });
}

export async function buildDist(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: APP,
    entryPoints: {
      'ce-report': 'src/cli.ts',
      'render/worker-entry': 'src/render/worker.ts',
    },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: '[name]-[hash]',
    banner: { js: BANNER },
    // workspace packages export their TypeScript sources; prefer packages' ESM builds
    mainFields: ['module', 'main'],
    conditions: ['node', 'import'],
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [assetPlugin()],
    define: { 'process.env.CE_REPORT_BUNDLED': '"1"' },
  });
  copyAssets();
  // so that `node dist/ce-report.mjs` is ESM even copied somewhere with a CommonJS package.json above it
  writeFileSync(join(DIST, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');
  const files = readdirSync(DIST, { recursive: true }).length;
  process.stdout.write(`dist/ce-report.mjs built (${files} files in ${relative(process.cwd(), DIST) || '.'})\n`);
}

await buildDist();
