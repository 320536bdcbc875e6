// The layer table of shared/DESIGN.md as data: for each folder, what its files may import.
// eslint-rules/layer-imports.js applies it; a new folder under electron/ needs a row here
// (the rule reports files that sit in no layer). The lists allow; anything not named is
// refused, so a new package or builtin is a decision made here, not an accident.

/**
 * @typedef {object} Layer
 * @property {string} folder      repository-relative folder holding the layer
 * @property {string[]} layers    layer names its production files may import
 * @property {string[]} packages  package names ('@scope/*' for a whole scope)
 * @property {boolean} builtins   whether Node builtins are allowed
 * @property {boolean} testBuiltins whether its tests and testing/ folders may use Node builtins
 * @property {string} hint        why, and where the refused thing belongs instead
 */

/** @type {Record<string, Layer>} */
export const LAYERS = {
  contract: {
    folder: 'electron/contract',
    layers: ['contract'],
    packages: ['zod'],
    builtins: false,
    testBuiltins: false,
    hint: 'the contract is shared by every layer and the renderer, so it holds only types, zod schemas and shared rules',
  },
  core: {
    folder: 'electron/core',
    layers: ['contract', 'core'],
    packages: ['zod'],
    builtins: false,
    testBuiltins: false,
    hint: 'core is framework-free: reach the outside through a port in core/ports.ts',
  },
  adapters: {
    folder: 'electron/adapters',
    layers: ['contract', 'core', 'adapters'],
    packages: ['@aws-sdk/*', '@smithy/*', 'keytar'],
    builtins: true,
    testBuiltins: true,
    hint: "adapters implement core's ports with Node, keytar and the AWS SDK; Electron and the shells stay out",
  },
  app: {
    folder: 'electron/app',
    layers: ['contract', 'core', 'app'],
    packages: ['zod'],
    builtins: false,
    testBuiltins: true,
    hint: 'the tray app runs without Electron and Node: reach them through a shell port that main implements',
  },
  cli: {
    folder: 'electron/cli',
    layers: ['contract', 'core', 'adapters', 'cli'],
    packages: [],
    builtins: true,
    testBuiltins: true,
    hint: 'the CLI runs in plain Node: core and adapters only, never Electron, the tray app or the preload',
  },
  main: {
    folder: 'electron/main',
    layers: ['contract', 'core', 'adapters', 'app', 'main'],
    packages: ['electron'],
    builtins: true,
    testBuiltins: true,
    hint: 'main is the Electron shell and composition root of the tray; the CLI, the preload and the renderer are separate programs',
  },
  preload: {
    folder: 'electron/preload',
    layers: ['contract', 'preload'],
    packages: ['electron'],
    builtins: false,
    testBuiltins: true,
    hint: "the preload runs sandboxed and exposes exactly the contract's API over contextBridge",
  },
  renderer: {
    folder: 'renderer',
    layers: ['contract', 'renderer'],
    packages: ['react', 'react-dom'],
    builtins: false,
    testBuiltins: false,
    hint: 'the renderer reads only window.stsTray, typed from electron/contract',
  },
};

// What tests and testing/ folders get on top of their layer's list, each needed by tests
// as they are:
// - vitest and fast-check: the test runner and the property-based generators.
// - the testing/ folders of the layer itself and of the layers it may import: shared fakes
//   and rigs (core/testing's memory stores and virtual time serve adapters, cli and main
//   tests). A lower layer's tests never reach a higher layer's testing/.
// - Node builtins where the layer's row says testBuiltins: in app and preload only because
//   their tests read the icon files from disk (tray icon names) or stand in for Electron's
//   event emitters (node:events); core, contract and renderer tests run on fakes alone,
//   so a builtin there means the test belongs to adapters.
export const TEST_PACKAGES = ['vitest', 'fast-check'];
