// The built app has the shape the shell and the packager rely on: package.json "main" is
// the ES module main bundle, which loads only electron, keytar and Node built-ins at run
// time; the preload is a self-contained CommonJS script (a sandboxed preload cannot be an
// ES module, and its `require` knows only 'electron'); the renderer page has no inline
// script (the CSP forbids it), loads only its own relative files, and its JavaScript stays
// within the 250 KiB gzip budget. Reads dist/, so `npm run build` must run first (npm test does).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const inRoot = (path: string): string => join(root, path);
const read = (path: string): string => readFileSync(inRoot(path), 'utf8');

/** Module names a bundle loads: static and dynamic imports and require() calls (from a real
 *  lexer, so a module name quoted inside an error message does not count). */
function loadedModules(code: string): string[] {
  const { importedFiles } = ts.preProcessFile(code, true, true);
  return [...new Set(importedFiles.map((file) => file.fileName))].sort();
}

const isBuiltin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);

beforeAll(() => {
  for (const built of ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(inRoot(built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
});

describe('dist/main', () => {
  it('is what package.json "main" names, an ES module', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string; type: string };
    expect(pkg.main).toBe('dist/main/index.js');
    // "type": "module" makes Electron load the .js main as an ES module.
    expect(pkg.type).toBe('module');
    expect(read('dist/main/index.js')).toMatch(/^import .* from "electron";$/m);
  });

  it('loads nothing from node_modules at run time but electron and keytar', () => {
    const external = loadedModules(read('dist/main/index.js')).filter((name) => !isBuiltin(name));
    expect(external).toEqual(['electron', 'keytar']);
  });

  it('finds the preload and the renderer where the build puts them', () => {
    const main = read('dist/main/index.js');
    expect(main).toContain('"../preload/index.cjs"');
    expect(main).toContain('"../renderer/"');
  });
});

describe('dist/preload', () => {
  it('is one CommonJS script that requires only electron', () => {
    const preload = read('dist/preload/index.cjs');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(loadedModules(preload)).toEqual(['electron']);
  });
});

describe('dist/renderer', () => {
  let html: string;
  beforeAll(() => {
    html = read('dist/renderer/index.html');
  });

  it('has no inline script or style and loads only its own files (by relative URLs) or data: URLs', () => {
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(tag, 'inline script').toMatch(/^<script\b[^>]*\bsrc="[^"]+"[^>]*>\s*<\/script>$/);
    }
    expect(html).not.toMatch(/<style\b/);
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls.filter((u) => !u.startsWith('data:'))) {
      expect(url).toMatch(/^\.\/assets\//);
      expect(existsSync(inRoot(join('dist/renderer', url))), url).toBe(true);
    }
  });

  it('keeps its JavaScript within 250 KiB gzip', () => {
    const assets = inRoot('dist/renderer/assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0);
    expect(total).toBeLessThanOrEqual(250 * 1024);
  });
});
