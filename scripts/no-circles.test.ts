// The repository's TypeScript files import one another without circles (scripts/import-graph.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { findCircles } from './import-graph.mjs';
import { isTypeScript, trackedFiles } from './repo-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('has no import circles among the tracked .ts and .tsx files', () => {
  const files = trackedFiles(root)
    .filter(isTypeScript)
    .map((file) => ({ path: file, text: readFileSync(path.join(root, file), 'utf8') }));
  expect(files.length).toBeGreaterThan(100);
  expect(findCircles(files)).toEqual([]);
});
