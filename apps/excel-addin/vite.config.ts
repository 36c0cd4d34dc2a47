import { defineConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';

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
    // icons are copied to dist/assets by scripts/copy-manifest.ts (turbo's build inputs list assets/**)
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
    server: { port: 3000, strictPort: true, https },
    preview: { port: 3000, strictPort: true, https },
  };
});
