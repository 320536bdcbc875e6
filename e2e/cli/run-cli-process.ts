// Runs the built `sts-tray` binary as a child process, the way a user's shell does.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ENTRY = fileURLToPath(new URL('../../dist/cli/sts-tray.cjs', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliResult> {
  if (!existsSync(CLI_ENTRY)) {
    throw new Error(`${CLI_ENTRY} is missing: run \`npm run build:node\` (npm test does it first)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * The environment of a CLI process under test: a temp HOME, its own app folder, a
 * throw-away keychain service, and what the private test keyring needs to be found.
 */
export function cliTestEnv(home: string, service: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    STS_TRAY_HOME: join(home, 'app'),
    STS_TRAY_KEYCHAIN_SERVICE: service,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    XDG_DATA_HOME: process.env.XDG_DATA_HOME,
    XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
    GNOME_KEYRING_CONTROL: process.env.GNOME_KEYRING_CONTROL,
    AWS_REGION: 'ap-northeast-1',
    ...extra,
  };
}

/** The CLI suites write to the keychain: only ever to the private one `npm test` starts on Linux. */
export function requirePrivateKeyring(): void {
  if (process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run this suite through `npm test`, which starts a private keyring');
  }
}
