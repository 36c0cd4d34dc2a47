import { defineConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** also sent on plain GETs without an Origin-matching preflight (caches keyed per origin stay right) */
export const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' };

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(async ({ command }): Promise<UserConfig> => {
  // Dev server: https://localhost:3000 with the Office-Addin dev certificate (as `yo office` projects do).
  // office-addin-dev-certs creates and trusts it on first use (asks for admin rights once).
  let https: { key: Buffer | string; cert: Buffer | string; ca?: Buffer | string } | undefined;
  if (command === 'serve' && !process.env.CE_NO_HTTPS && !process.env.VITEST) {
    const certs = (await import('office-addin-dev-certs')) as unknown as {
      getHttpsServerOptions(): Promise<{ key: Buffer; cert: Buffer; ca: Buffer }>;
    };
    https = await certs.getHttpsServerOptions();
  }
  return {
    root: here('./src/taskpane'),
    // icons are copied to dist/assets by scripts/site.ts (turbo's build inputs list assets/**)
    publicDir: false,
    base: './',
    build: {
      outDir: here('./dist'),
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      // the manifest names these files, so no content hashes
      rollupOptions: {
        input: { taskpane: here('./src/taskpane/taskpane.html') },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: '[name].js',
          assetFileNames: '[name][extname]',
        },
      },
      modulePreload: { polyfill: false },
    },
    // `vite preview` serves dist/ exactly as built (functions.json and manifest included)
    // CORS: Excel on the web fetches functions.json (and the functions' files) from its own
    // origin https://excel.officeapps.live.com; vite's default allows localhost only, so the
    // CE.* functions would never register there. Microsoft's template sends `*` too; the
    // files are public static files (no cookies, no credentials).
    server: { port: 3000, strictPort: true, https, cors: { origin: '*' }, headers: CORS_HEADERS },
    preview: { port: 3000, strictPort: true, https, cors: { origin: '*' }, headers: CORS_HEADERS },
  };
});
