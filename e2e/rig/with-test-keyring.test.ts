// The private test keyring script itself: it must hand back the command's exit code and
// leave nothing behind (daemon, temp folder) however the command ends, since a leftover
// gnome-keyring-daemon per test run would pile up on developers' machines and CI.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./with-test-keyring.sh', import.meta.url));

// Prints what the command sees, then the pid of the Secret Service daemon on its bus.
const REPORT = `
  echo "keyring=$STS_TRAY_TEST_KEYRING"
  echo "folder=$(dirname "$GNOME_KEYRING_CONTROL")"
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '/uint32/ { print "daemon=" $2 }'
`;

interface Outcome {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], options: { env?: NodeJS.ProcessEnv; interruptWhen?: string } = {}) {
  return new Promise<Outcome>((resolve, reject) => {
    // Own process group, so an interrupt reaches every process as Ctrl-C in a terminal does.
    const child = spawn('/bin/bash', [SCRIPT, ...args], { env: options.env ?? process.env, detached: true, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      if (options.interruptWhen !== undefined && stdout.includes(options.interruptWhen) && child.pid) {
        process.kill(-child.pid, 'SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
    child.stdin.end();
  });
}

function field(stdout: string, name: string): string {
  const value = new RegExp(`^${name}=(.*)$`, 'm').exec(stdout)?.[1];
  if (!value) throw new Error(`no ${name}= in the output:\n${stdout}`);
  return value;
}

/** True while `pid` is a live process (a zombie already stopped). */
function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function expectCleanedUp(stdout: string): void {
  expect(running(Number(field(stdout, 'daemon')))).toBe(false);
  expect(existsSync(field(stdout, 'folder'))).toBe(false);
}

describe.runIf(process.platform === 'linux')('with-test-keyring.sh', () => {
  it.each([
    ['succeeds', 0],
    ['fails', 3],
  ])('when the command %s: passes its exit code on, stops the daemon, removes the folder', async (_name, code) => {
    const outcome = await run(['bash', '-c', `${REPORT}\nexit ${code}`]);
    expect(outcome.exitCode, outcome.stderr).toBe(code);
    expect(field(outcome.stdout, 'keyring')).toBe('private');
    expectCleanedUp(outcome.stdout);
  });

  it('on Ctrl-C: stops the daemon and removes the folder', async () => {
    const outcome = await run(['bash', '-c', `${REPORT}\necho ready\nsleep 30`], { interruptWhen: 'ready' });
    expect(outcome.exitCode).not.toBe(0);
    expectCleanedUp(outcome.stdout);
  });

  it('gives each run its own empty keyring, apart from the one it runs in', async () => {
    const outer = process.env.DBUS_SESSION_BUS_ADDRESS ?? '';
    const outcome = await run(['bash', '-c', `${REPORT}\necho "bus=$DBUS_SESSION_BUS_ADDRESS"`]);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(field(outcome.stdout, 'bus')).not.toBe(outer);
    expect(field(outcome.stdout, 'bus')).toContain(field(outcome.stdout, 'folder'));
  });

  it('says which apt packages to install when the tools are missing', async () => {
    // A PATH with nothing of D-Bus or gnome-keyring on it.
    const bin = await mkdtemp(join(tmpdir(), 'sts-tray-bare-path-'));
    try {
      await symlink(existsSync('/usr/bin/uname') ? '/usr/bin/uname' : '/bin/uname', join(bin, 'uname'));
      const outcome = await run(['true'], { env: { PATH: bin } });
      expect(outcome.exitCode).toBe(127);
      expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
      expect(outcome.stderr).toMatch(/dbus-run-session .*gnome-keyring-daemon not found.*apt-get install gnome-keyring dbus/);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });
});
