// Prints the renderer's JavaScript size after gzip and fails the build when it is over the
// budget: the window opens from the tray many times a day, and parse time grows with size.
// Run by `npm run build` after Vite; `node scripts/bundle-size.mjs` on its own reads
// whatever dist/renderer holds, and fails when the renderer was not built.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** Every .js file under `dir`, depth first. */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('renderer bundle size: dist/renderer/index.html does not exist (run `npm run build`)');
  process.exitCode = 1;
} else {
  // gzip at zlib's default level, as most servers and Vite's own report do.
  const sizes = jsFiles(rendererDir).map((path) => ({ path, gzip: gzipSync(readFileSync(path)).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  for (const { path, gzip } of sizes) console.log(`  ${relative(rendererDir, path)}  ${kib(gzip)} gzip`);
  console.log(`renderer JS: ${kib(total)} gzip (budget ${kib(BUDGET_BYTES)})`);
  if (sizes.length === 0) {
    console.error('renderer bundle size: no JavaScript found in dist/renderer');
    process.exitCode = 1;
  } else if (total > BUDGET_BYTES) {
    console.error(`renderer bundle size: over budget by ${kib(total - BUDGET_BYTES)}`);
    process.exitCode = 1;
  }
}
