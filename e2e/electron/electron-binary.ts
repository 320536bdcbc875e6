// Where the Electron binary of the installed `electron` package is, if it is there at all.
// `require('electron')` would say, but when the binary is missing it starts a download
// (node_modules/electron/index.js runs install.js): on a machine without internet that
// stalls the test run. So this repeats its lookup, minus the download.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronBinary {
  /** The path the package would run (null when it does not even know the file name). */
  path: string | null;
  present: boolean;
}

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  // path.txt holds the binary's path inside dist/ (e.g. "electron" or "Electron.app/…"); the
  // install script writes it after a successful download.
  const inDist = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override ? join(override, inDist ?? 'electron') : inDist ? join(packageDir, 'dist', inDist) : null;
  return { path, present: path !== null && existsSync(path) };
}
