// `sts-tray watch` keeping an IAM Identity Center role renewed with real timers: the built
// binary, 20-second role credentials from the Identity Center emulator (so it renews about
// every 10 s), the real keyring and files, the real AWS CLI between renewals; then a revoked
// sign-in that stops renewal, and `sts-tray sso login` in "another terminal" that watch picks up.

import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { CLI_ENTRY, cliTestEnv, runCliProcess } from '../cli/run-cli-process.js';
import { requireTestKeyring } from '../rig/test-keyring.js';
import { SSO_REGION, startSsoWorld, type SsoWorld } from './sso-world.js';

const run = promisify(execFile);
const ROLE = 'myco-stg-ReadOnlyAccess';

describe('sts-tray watch with an IAM Identity Center role (20 s credentials)', () => {
  let world: SsoWorld;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;
  let watch: ChildProcessWithoutNullStreams | null = null;

  /** `sts-tray sso login` in another terminal, approved as soon as it shows its code. */
  async function login(): Promise<void> {
    const child = spawn(process.execPath, [CLI_ENTRY, 'sso', 'login', 'myco'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const code = /shows the code ([A-Z]{4}-[A-Z]{4})/.exec(stdout)?.[1];
      if (code) world.sso.approve(code);
    });
    expect(await exited).toBe(0);
  }

  beforeAll(async () => {
    requireTestKeyring();
    world = await startSsoWorld({ roleCredentialSeconds: 20 });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-sso-watch-'));
    const service = `sts-tray-test-sso-watch-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service, { STS_TRAY_SSO_ENDPOINT: world.sso.endpointTemplate, STS_TRAY_STS_ENDPOINT: world.sts.url, TZ: 'UTC' });
    expect((await runCliProcess(['sso', 'add', 'myco', '--start-url', world.sso.startUrl, '--region', SSO_REGION], env)).code).toBe(0);
    await login();
    expect((await runCliProcess(['sso', 'roles', 'myco', '--add'], env)).code).toBe(0);
  });

  afterAll(async () => {
    watch?.kill('SIGTERM');
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await world?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('renews from the portal, stops when the sign-in is revoked, and resumes after a sign-in elsewhere', async () => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'watch', ROLE], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    watch = child;
    let text = '';
    let stderr = '';
    const waiters = new Set<() => void>();
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      for (const wake of waiters) wake();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const waitFor = (pattern: RegExp, timeoutMs: number, nth = 1) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (text.split('\n').filter((l) => pattern.test(l)).length >= nth) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${nth}× ${String(pattern)} within ${timeoutMs} ms; stdout:\n${text}\nstderr:\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });

    await waitFor(new RegExp(`renewed ${ROLE}`), 30_000, 2);
    const { stdout } = await run(debianAwsCli(), ['sts', 'get-caller-identity', '--profile', ROLE, '--endpoint-url', world.sts.url, '--output', 'json'], {
      env: { ...env, ...QUIET_AWS_CLI_ENV },
    });
    expect((JSON.parse(stdout) as { Account: string }).Account).toBe('333333333333');

    world.sso.revokeSessions();
    await waitFor(/renewal failed \(needs-sign-in\).*sts-tray sso login myco/, 30_000);
    await login();
    await waitFor(/found a new IAM Identity Center sign-in of myco in the keychain/, 20_000);
    const renewedBefore = text.split('\n').filter((l) => l.includes(`renewed ${ROLE}`)).length;
    await waitFor(new RegExp(`renewed ${ROLE}`), 30_000, renewedBefore + 1);
    expect(stderr).toBe('');
  });
});
