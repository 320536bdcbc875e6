#!/usr/bin/env node
// The `sts-tray` executable (bundled to CommonJS: __dirname and require are its own). It runs the bundled CLI with V8's code cache (made at build
// time), which spares ~30 ms of compiling on every start: a role switch should feel
// instant. A cache that is missing or made by another Node version is simply not used.

import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { servedCredentialProcess } from './credential-process-fast.js';

const bundle = join(__dirname, 'sts-tray-bundle.cjs');
const cacheFile = `${bundle}.code-cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function runBundle(): void {
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: readCache() });
  const bundleModule = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, require, bundleModule, bundle, __dirname);
  // The build runs one command with this set, then keeps what V8 compiled for next time.
  const cacheOut = process.env.STS_TRAY_WRITE_CODE_CACHE;
  if (cacheOut) process.on('exit', () => writeFileSync(cacheOut, script.createCachedData()));
}

if (process.argv[2] === 'credential-process') {
  void servedCredentialProcess(process.argv.slice(2), process.env).then((code) => {
    if (code === null) runBundle();
    else process.exitCode = code;
  });
} else {
  runBundle();
}
