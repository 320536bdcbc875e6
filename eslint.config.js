// Lint, including the layer arrows of shared/DESIGN.md:
// contract <- core <- adapters <- cli / main; renderer -> contract only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/*', 'node:*', 'child_process', 'os', 'path', 'net', 'http', 'https', 'crypto'];

const RENDERER_RULE = 'the renderer reads only window.stsTray, typed from electron/contract';

/** `no-restricted-imports` patterns for one layer. */
function layer(files, forbidden, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: why }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'release/', 'node_modules/', 'test-results/', 'bench/results/'] },
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
  layer(
    ['electron/contract/**'],
    ['electron', 'keytar', '@aws-sdk/*', ...nodeBuiltins, '../*', '!zod'],
    'contract imports only zod',
  ),
  layer(
    ['electron/core/**'],
    ['electron', 'keytar', '@aws-sdk/*', '@smithy/*', ...nodeBuiltins, '**/adapters/**', '**/cli/**', '**/main/**', '**/preload/**'],
    'core is framework-free: reach the outside through a port (core/ports.ts)',
  ),
  layer(
    ['electron/adapters/**'],
    ['electron', '**/cli/**', '**/main/**', '**/preload/**'],
    'adapters may use Node and the AWS SDK, never electron or the shells',
  ),
  layer(['electron/cli/**'], ['electron', '**/main/**', '**/preload/**'], 'the CLI never imports electron'),
  {
    // A bare 'electron' pattern would also match the relative folder electron/, so the
    // package is named as a path and the folders as patterns, contract allowed.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: RENDERER_RULE }],
          patterns: [
            {
              group: ['electron/*', 'keytar', '@aws-sdk/*', ...nodeBuiltins, '**/electron/*', '!**/electron/contract'],
              message: RENDERER_RULE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
