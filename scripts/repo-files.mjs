// Which files of the repository count, for scripts/code-figures.mjs and the circle check:
// the files git tracks (so build output and scratch files never skew a figure) that still
// exist in the work tree, and among them the product source.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Repository-relative posix paths of the tracked files present in the work tree. */
export function trackedFiles(root) {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(root, file)));
}

export const isTypeScript = (file) => /\.tsx?$/.test(file);

/** Product source: what ships under electron/ and renderer/, without tests and testing/ folders. */
export function isProductFile(file) {
  if (!/^(electron|renderer)\//.test(file) || !/\.(ts|tsx|mjs)$/.test(file)) return false;
  return !/\.test\.tsx?$/.test(file) && !file.split('/').slice(0, -1).includes('testing');
}
