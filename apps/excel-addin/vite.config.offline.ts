/**
 * The offline checker page: the same task pane (src/taskpane), built into ONE
 * self-contained HTML file, dist/offline/ce-checker.html, that works double-clicked
 * from disk. Differences from the add-in build: office.js is not referenced (the
 * pane starts on the file adapter), every script, style and icon is inlined
 * (vite-plugin-singlefile), and the CSP allows no network at all.
 */
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
export const OFFLINE_FILE = 'ce-checker.html';

export const OFFLINE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

function offlineHtml(): Plugin {
  return {
    name: 'ce-offline-html',
    transformIndexHtml(html) {
      const noOffice = html.replace(/\s*<script src="https:\/\/appsforoffice\.microsoft\.com[^"]*"><\/script>/, '');
      const csp = noOffice.replace(/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/>/, `<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}" />`);
      if (csp === noOffice || noOffice === html) throw new Error('offline build: could not replace the office.js script or the CSP in taskpane.html');
      return csp.replace('<title>继续教育学时检查</title>', '<title>继续教育学时检查（离线版）</title>');
    },
    closeBundle() {
      renameSync(here('./dist/offline/taskpane.html'), here(`./dist/offline/${OFFLINE_FILE}`));
    },
  };
}

export default defineConfig({
  root: here('./src/taskpane'),
  publicDir: false,
  base: './',
  plugins: [offlineHtml(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: here('./dist/offline'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: { input: here('./src/taskpane/taskpane.html') },
    // vite's modulepreload polyfill calls fetch(); one inlined file preloads nothing
    modulePreload: { polyfill: false },
  },
});
