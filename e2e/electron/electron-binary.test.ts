// The smoke suite's skip decision: it must see a binary where one is, or the suite would be
// skipped forever without anyone noticing.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.js';

describe('findElectronBinary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-tray-electron-dist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a binary in the folder ELECTRON_OVERRIDE_DIST_PATH names', () => {
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(found.present).toBe(false);
    // The name inside the folder comes from the package's path.txt when it exists.
    writeFileSync(found.path ?? join(dir, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual({ path: found.path, present: true });
  });
});
