// Lint, including the layer arrows of shared/DESIGN.md as an allow-list per folder
// (eslint-rules/layers.js, applied by eslint-rules/layer-imports.js; lint-fixtures/ holds a
// file for each arrow that must fail, checked by scripts/lint-fixtures.test.ts).
import js from '@eslint/js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import stsTray from './eslint-rules/layer-imports.js';

const root = path.dirname(fileURLToPath(import.meta.url));

// Imports the layer table refuses but a change under way will remove, as
// `{ file, import }` entries (none today). The rule reports an entry once its import is
// gone, and the config refuses to load while an entry names a file that no longer exists.
/** @type {{ file: string, import: string }[]} */
const PENDING = [];
// An entry whose file moved away would never be checked again; say so instead.
for (const entry of PENDING) {
  if (!existsSync(path.join(root, entry.file))) {
    throw new Error(`eslint.config.js: the pending entry for ${entry.file} names a file that no longer exists; remove it`);
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'release/', 'node_modules/', 'test-results/', 'bench/results/', 'lint-fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    plugins: { 'sts-tray': stsTray },
    rules: { 'sts-tray/layer-imports': ['error', { root, pending: PENDING }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
