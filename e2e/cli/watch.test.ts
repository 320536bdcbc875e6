// `sts-tray watch` end to end with real timers: the built binary as a child process, the STS
// emulator issuing 20-second role sessions (so the engine renews about every 10 s), the real
// keyring, a real credentials file, and the real AWS CLI using the profile between renewals.

import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { CLI_ENTRY, runCliProcess, type CliResult, cliTestEnv, requirePrivateKeyring } from './run-cli-process.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';

const run = promisify(execFile);

const DEV = fakeMfaUser('dev', 'watch');
const TES_ARN = 'arn:aws:iam::222222222222:role/tes-deployer';
const ROLE_SECONDS = 20;

/** A running `sts-tray watch`: its stdout lines as they come, and a way to wait for one. */
interface Watcher {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  readonly stderr: () => string;
  waitFor(pattern: RegExp, timeoutMs: number, nth?: number): Promise<string>;
  readonly exited: Promise<number | null>;
}

describe('sts-tray watch against the emulator (20 s role sessions), the real keyring and the real AWS CLI', () => {
  let emulator: StsEmulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;
  const watchers: Watcher[] = [];

  const cli = (args: string[], stdin = ''): Promise<CliResult> => runCliProcess([...args, '--endpoint-url', emulator.url], env, stdin);
  const awsFolder = () => join(home, '.aws');
  const tesKeyId = async () => {
    const text = await readFile(join(awsFolder(), 'credentials'), 'utf8');
    return /\[tes\][^[]*?aws_access_key_id\s*=\s*(\S+)/.exec(text)?.[1];
  };
  const callerOfTes = async () => {
    const { stdout } = await run(
      debianAwsCli(),
      ['sts', 'get-caller-identity', '--profile', 'tes', '--endpoint-url', emulator.url, '--output', 'json'],
      { env: { ...env, ...QUIET_AWS_CLI_ENV } },
    );
    return (JSON.parse(stdout) as { Arn: string }).Arn;
  };

  /**
   * Starts `sts-tray watch`. On a terminal: inside `script`, which gives it a pseudo-terminal,
   * so prompts, raw mode and Ctrl-C behave as in a user's terminal.
   */
  function startWatch(args: string[], terminal = false): Watcher {
    const argv = [CLI_ENTRY, 'watch', ...args, '--endpoint-url', emulator.url];
    const quoted = [process.execPath, ...argv].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    const child = terminal
      ? spawn('script', ['-qfec', `exec ${quoted}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let text = '';
    const lines: string[] = [];
    const waiters = new Set<() => void>();
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      // The last, unfinished line counts too: a prompt does not end with a newline.
      lines.splice(0, lines.length, ...text.split(/\r?\n/).filter((l) => l !== ''));
      for (const wake of waiters) wake();
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Without a terminal, stdin stays open: a watch that tried to read a code from it would hang.
    const waitFor = (pattern: RegExp, timeoutMs: number, nth = 1) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const hit = lines.filter((l) => pattern.test(l))[nth - 1];
          if (hit === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line #${nth} matching ${pattern} within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    const watcher = { child, lines, stderr: () => stderr, waitFor, exited };
    watchers.push(watcher);
    return watcher;
  }

  /** Ctrl-C (a signal, or the key on a terminal), and how long the process took to be gone. */
  async function interrupt(watcher: Watcher, key = false): Promise<{ code: number | null; ms: number }> {
    const started = performance.now();
    if (key) watcher.child.stdin.write('\x03');
    else watcher.child.kill('SIGINT');
    const code = await watcher.exited;
    return { code, ms: performance.now() - started };
  }

  beforeAll(async () => {
    requirePrivateKeyring();
    emulator = await startStsEmulator({
      users: [DEV],
      roles: [{ arn: TES_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/dev'], externalId: 'ext-tes', requireMfa: true }],
      // Our core asks for 3600 s (it refuses less than 900, as STS does); the emulator issues 20 s.
      issuedLifetimeSeconds: { roleSession: ROLE_SECONDS },
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-watch-'));
    const service = `sts-tray-test-watch-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service, { TZ: 'UTC' });
    const identity = await cli(
      ['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'],
      `${DEV.secretAccessKey}\n`,
    );
    expect(identity.stderr).toBe('');
    const role = await cli(['role', 'add', 'tes', '--identity', 'dev', '--role-arn', TES_ARN, '--external-id', 'ext-tes', '--env', 'tes', '--mfa']);
    expect(role.stderr).toBe('');
  });

  afterEach(() => {
    for (const w of watchers.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('keeps [tes] valid across three renewals: a new key each time, the AWS CLI works before and after each, no call storm, clean Ctrl-C', async () => {
    emulator.resetCalls();
    const watch = startWatch(['tes', '--mfa-code', emulator.totp(DEV.mfa.serial)]);
    await watch.waitFor(/watching tes \(active, valid until \d\d:\d\d:\d\d, next renewal \d\d:\d\d:\d\d\); Ctrl-C stops/, 10_000);
    const keys = [await tesKeyId()];
    expect(keys[0]).toMatch(/^ASIA/);
    expect(await callerOfTes()).toMatch(/assumed-role\/tes-deployer\//);

    for (let n = 1; n <= 3; n += 1) {
      // Issued for 20 s, renewed at the half-life at the latest: about every 10 s.
      await watch.waitFor(/^\d\d:\d\d:\d\d renewed tes: valid until \d\d:\d\d:\d\d$/, 15_000, n);
      const key = await tesKeyId();
      expect(keys).not.toContain(key);
      const issuedRoles = emulator.issued().filter((i) => i.kind === 'role-session');
      expect(key).toBe(issuedRoles.at(-1)?.accessKeyId);
      keys.push(key);
      expect(await callerOfTes()).toMatch(/assumed-role\/tes-deployer\//);
    }

    const { code, ms } = await interrupt(watch);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(watch.lines.at(-1)).toMatch(/stopped; renewals end here \(still valid: tes until \d\d:\d\d:\d\d\)$/);
    expect(watch.stderr()).toBe('');
    expect((await readdir(awsFolder())).filter((name) => /lock|\.tmp$/.test(name))).toEqual([]);

    // One MFA session for the whole run, one AssumeRole per renewal plus the first, spaced by the half-life.
    const renewals = watch.lines.filter((l) => / renewed tes: /.test(l)).length;
    const calls = emulator.calls;
    expect(calls.every((c) => c.status === 200)).toBe(true);
    expect(calls.filter((c) => c.action === 'GetSessionToken')).toHaveLength(1);
    const assumes = calls.filter((c) => c.action === 'AssumeRole').map((c) => c.atMs);
    expect(assumes).toHaveLength(renewals + 1);
    const gaps = assumes.slice(1).map((at, i) => at - (assumes[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThan(8_000);
    expect(watch.lines.join('\n')).not.toContain(DEV.secretAccessKey);
  });

  it('without a terminal and without a code: says what to do, does not hang, and picks up the session another sts-tray started', async () => {
    expect((await cli(['logout', '--all'])).code).toBe(0); // no profile, no MFA session left
    const watch = startWatch(['tes']);
    await watch.waitFor(/tes waits for an MFA code of dev, and this terminal cannot ask for one: in another terminal run {2}sts-tray assume tes --mfa-code CODE/, 10_000);
    await watch.waitFor(/watching tes \(waiting for an MFA code\)/, 2_000);
    expect(watch.child.exitCode).toBeNull();

    const assumed = await cli(['assume', 'tes', '--mfa-code', emulator.totp(DEV.mfa.serial)]);
    expect(assumed.code).toBe(0);
    await watch.waitFor(/found a new MFA session of dev in the keychain/, 8_000);
    await watch.waitFor(/tes active: valid until/, 3_000);
    expect(await callerOfTes()).toMatch(/assumed-role\/tes-deployer\//);

    const { code, ms } = await interrupt(watch);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(watch.lines.at(-1)).toMatch(/stopped; renewals end here/);
  });

  it.runIf(process.platform === 'linux')('on a terminal: asks for the code, Ctrl-C at the prompt stops it, a code typed starts the session', async () => {
    expect((await cli(['logout', '--all'])).code).toBe(0);
    const leaving = startWatch(['tes'], true);
    await leaving.waitFor(/MFA code for dev: /, 10_000);
    const left = await interrupt(leaving, true);
    expect(left.code).toBe(0);
    expect(left.ms).toBeLessThan(1000);
    expect(leaving.lines.at(-1)).toMatch(/stopped; renewals end here$/);

    const watch = startWatch(['tes'], true);
    await watch.waitFor(/MFA code for dev: /, 10_000);
    // The next window's code: this window's may have gone to the test before (codes are single-use).
    watch.child.stdin.write(`${emulator.totp(DEV.mfa.serial, emulator.now() + 30_000)}\r`);
    await watch.waitFor(/MFA session of dev started: valid until/, 10_000);
    await watch.waitFor(/tes active: valid until/, 5_000);
    expect(await callerOfTes()).toMatch(/assumed-role\/tes-deployer\//);
    const { code, ms } = await interrupt(watch, true);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(watch.lines.at(-1)).toMatch(/stopped; renewals end here \(still valid: tes until/);
  });
});
