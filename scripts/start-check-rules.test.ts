import { describe, expect, it } from 'vitest';
import { missingBinaryMessage, sandboxProblem } from './start-check-rules.mjs';

const DIR = '/repo/node_modules/electron/dist';
const facts = (overrides: Partial<Parameters<typeof sandboxProblem>[0]>) => ({
  platform: 'linux',
  restrictUserns: '1\n',
  sandbox: { uid: 1000, mode: 0o100755 },
  profileAllowsElectron: false,
  electronDir: DIR,
  ...overrides,
});

describe('sandboxProblem', () => {
  it.each([
    ['Ubuntu 24.04, helper not SUID: says what to do', facts({}), true],
    ['Ubuntu 24.04, helper root-owned 4755', facts({ sandbox: { uid: 0, mode: 0o104755 } }), false],
    ['Ubuntu 24.04, helper SUID but not root', facts({ sandbox: { uid: 1000, mode: 0o104755 } }), true],
    ['Ubuntu 24.04, an AppArmor profile allows Electron', facts({ profileAllowsElectron: true }), false],
    ['Ubuntu 24.04, Electron not fetched yet', facts({ sandbox: null }), true],
    ['Ubuntu 22.04 / Debian: no restriction', facts({ restrictUserns: null }), false],
    ['restriction turned off', facts({ restrictUserns: '0\n' }), false],
    ['macOS', facts({ platform: 'darwin' }), false],
  ] as const)('%s', (_name, input, problem) => {
    expect(sandboxProblem(input) !== null).toBe(problem);
  });

  it('names the commands with the helper path, and the fetch step when Electron is missing', () => {
    expect(sandboxProblem(facts({}))).toContain(`sudo chown root:root ${DIR}/chrome-sandbox && sudo chmod 4755 ${DIR}/chrome-sandbox`);
    expect(sandboxProblem(facts({ sandbox: null }))).toContain('npx install-electron');
  });
});

describe('missingBinaryMessage', () => {
  it('gives the download’s reason, the command that fetches the binary, and what works without it', () => {
    const text = missingBinaryMessage('TypeError: fetch failed');
    expect(text).toContain('fetch failed');
    expect(text).toContain('npx install-electron');
    expect(text).toContain('npm test');
  });
});
