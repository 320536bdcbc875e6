// How `npm run build` bundles the app: one Vite config, three environments built by
// `vite build` — the Electron main process, the preload and the renderer (React window).
// The layout is read by code elsewhere, so keep it in step with:
//   package.json "main"            → dist/main/index.js
//   electron/main (preload, window) → ../preload/index.cjs, ../renderer/ relative to main
//   electron-builder.yml "files"   → dist/main, dist/preload, dist/renderer
//   e2e/security (scan), e2e/electron (smoke suite), e2e/renderer (harness: renderer + preload),
//   scripts/bundle-size.mjs

import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildEnvironmentOptions, type EnvironmentOptions } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const DIST = {
  main: fromRoot('dist/main'),
  preload: fromRoot('dist/preload'),
  renderer: fromRoot('dist/renderer'),
} as const;

const mainEntry = fromRoot('electron/main/index.ts');
const preloadEntry = fromRoot('electron/preload/index.ts');
const rendererHtml = fromRoot('renderer/index.html');

// Electron 45.4 runs Chromium 156 (electron-to-chromium's table) and a Node newer than 22, so
// node22 (also package.json's engines floor) lowers nothing that Electron's engines lack.
const nodeTarget = 'node22';

/** A Node-side bundle (main or preload): one file, everything inlined but `external`. */
function nodeEnvironment(options: {
  entry: string;
  outDir: string;
  fileName: string;
  format: 'es' | 'cjs';
  external: string[];
}): EnvironmentOptions {
  const build: BuildEnvironmentOptions = {
    outDir: options.outDir,
    emptyOutDir: true,
    target: nodeTarget,
    // Not minified: the app reads them from local disk, where size costs little, and
    // readable code keeps stack traces and the security scan meaningful.
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: options.entry,
      external: options.external,
      output: { format: options.format, entryFileNames: options.fileName, codeSplitting: false },
    },
  };
  return {
    consumer: 'server',
    // Bundle every dependency (zod, the AWS SDK): one file to load at start instead of a
    // few hundred module lookups; only what cannot be bundled stays outside.
    resolve: { noExternal: true, external: options.external },
    build,
  };
}

export default defineConfig({
  root: fromRoot('renderer'),
  // Relative asset URLs: the window loads index.html from the app:// protocol, and a
  // relative base keeps the output independent of where it is served from.
  base: './',
  plugins: [react()],
  // Vite's own dev/preview caches stay out of renderer/.
  cacheDir: fromRoot('node_modules/.vite'),
  builder: {
    async buildApp(builder) {
      const { main, preload, client } = builder.environments;
      if (!main || !preload || !client) throw new Error('vite.config.ts: an environment is missing');
      // Main, preload and the window are the app: without any of them there is nothing to ship.
      for (const entry of [mainEntry, preloadEntry, rendererHtml]) {
        if (!existsSync(entry)) throw new Error(`build: ${entry} does not exist; the app needs it`);
      }
      await builder.build(main);
      await builder.build(preload);
      await builder.build(client);
    },
  },
  environments: {
    client: {
      build: {
        outDir: DIST.renderer,
        emptyOutDir: true,
        target: 'chrome140',
        sourcemap: false,
      },
    },
    main: nodeEnvironment({
      entry: mainEntry,
      outDir: DIST.main,
      fileName: 'index.js',
      // Electron 45 loads an ES module main; the package is "type": "module".
      format: 'es',
      // electron is provided by the runtime; keytar is a native addon (a .node file that
      // electron-builder unpacks from the asar), so it must stay a real module on disk.
      external: ['electron', 'keytar'],
    }),
    preload: nodeEnvironment({
      entry: preloadEntry,
      outDir: DIST.preload,
      fileName: 'index.cjs',
      // A sandboxed preload runs as a classic script with a small `require` that knows only
      // 'electron' and a few built-ins: CommonJS, and zod inlined.
      format: 'cjs',
      external: ['electron'],
    }),
  },
});
