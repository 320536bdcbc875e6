// From nothing but a start URL to an `aws` command that works, as a user does it: the built
// `sts-tray` binary in real processes, the real keyring (private, from `npm test`), real files
// in a temp HOME, the Identity Center and STS emulators over loopback HTTP, Debian's Chromium
// approving the sign-in on the emulator's device page, and the real AWS CLI v2 reading the
// profiles we wrote.

import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { ChunkedSecretStore } from '../../electron/core/chunked-secrets.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { CLI_ENTRY, cliTestEnv, runCliProcess, type CliResult } from '../cli/run-cli-process.js';
import { launchChromium } from '../renderer/harness/renderer-page.js';
import { requireTestKeyring } from '../rig/test-keyring.js';
import { SSO_REGION, SSO_USER, startSsoWorld, type SsoWorld } from './sso-world.js';

const run = promisify(execFile);

const FOREIGN_CONFIG = [
  '# my own Identity Center setup, by the AWS CLI',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = us-east-1',
  '',
  '[profile corp-admin]',
  'sso_session = corp',
  'sso_account_id = 999999999999',
  'sso_role_name = AdministratorAccess',
  '',
].join('\n');

describe('sts-tray sso, from a start URL to the AWS CLI', () => {
  let world: SsoWorld;
  let browser: Browser;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;

  const cli = (args: string[]): Promise<CliResult> => runCliProcess([...args, '--endpoint-url', world.sts.url], env);
  const awsCli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run(debianAwsCli(), [...args, '--endpoint-url', world.sts.url, '--output', 'json'], { env: { ...env, ...QUIET_AWS_CLI_ENV, ...extraEnv } });
  const callerOf = async (profile: string) => JSON.parse((await awsCli(['sts', 'get-caller-identity', '--profile', profile])).stdout) as { Account: string; Arn: string };

  /** `sts-tray sso login` as a user runs it, the page it prints opened in Chromium and answered. */
  async function login(name: string, answer: 'allow' | 'deny' | 'none'): Promise<CliResult & { shownCode: string; pageCode: string }> {
    const child = spawn(process.execPath, [CLI_ENTRY, 'sso', 'login', name], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sign-in URL; stdout:\n${stdout}\nstderr:\n${stderr}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        const found = /^ {2}(http\S+)$/m.exec(stdout)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const shownCode = /shows the code ([A-Z]{4}-[A-Z]{4})/.exec(stdout)?.[1] ?? '';
    let pageCode = '';
    if (answer !== 'none') {
      const page = await browser.newPage();
      await page.goto(url);
      pageCode = (await page.textContent('#user-code')) ?? '';
      await page.click(answer === 'allow' ? '#allow' : '#deny');
      await page.waitForSelector('#result');
      await page.close();
    }
    const code = await exited;
    return { code, stdout, stderr, shownCode, pageCode };
  }

  /** Every file under HOME, for the check that no token reached one. */
  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  beforeAll(async () => {
    requireTestKeyring();
    world = await startSsoWorld();
    browser = await launchChromium();
    home = await mkdtemp(join(tmpdir(), 'sts-tray-sso-'));
    const service = `sts-tray-test-sso-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service, { STS_TRAY_SSO_ENDPOINT: world.sso.endpointTemplate, STS_TRAY_STS_ENDPOINT: world.sts.url, TZ: 'UTC' });
    await mkdir(join(home, '.aws'));
    await writeFile(join(home, '.aws', 'config'), FOREIGN_CONFIG, { mode: 0o600 });
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await browser?.close();
    await world?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it("import reports the user's own [sso-session] and sso_* profile, with the commands that make the same sign-in here", async () => {
    const dry = await cli(['import']);
    expect(dry.code).toBe(0);
    const report = dry.stdout + dry.stderr;
    expect(report).toMatch(/sso-session corp.*IAM Identity Center sign-in.*sts-tray sso add corp --start-url https:\/\/corp\.awsapps\.com\/start --region us-east-1/s);
    expect(report).toMatch(/corp-admin.*account 999999999999, role AdministratorAccess.*sts-tray sso roles corp --add/s);
  });

  it('adds a sign-in from its start URL and region', async () => {
    const added = await cli(['sso', 'add', 'myco', '--start-url', world.sso.startUrl, '--region', SSO_REGION]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/sign in with: sts-tray sso login myco/);
    const bad = await cli(['sso', 'add', 'other', '--start-url', 'ftp://x', '--region', SSO_REGION]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/start URL starts with https:\/\//);
  });

  it('a wrong SSO region says which region to check, and stores nothing', async () => {
    expect((await cli(['sso', 'add', 'wrong', '--start-url', world.sso.startUrl, '--region', 'eu-west-1'])).code).toBe(0);
    const result = await runCliProcess(['sso', 'login', 'wrong'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/IAM Identity Center in eu-west-1 does not know this start URL: check the start URL and that eu-west-1 is the region/);
    expect(await keychain.get('sso-token:wrong')).toBeNull();
    expect((await cli(['sso', 'remove', 'wrong'])).code).toBe(0);
  });

  it('a sign-in denied in the browser fails clearly and stores nothing', async () => {
    const result = await login('myco', 'deny');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the sign-in was denied in the browser; nothing was saved/);
    expect(await keychain.get('sso-token:myco')).toBeNull();
  });

  it('signs in through the page Chromium opens, with the code the terminal showed', async () => {
    const result = await login('myco', 'allow');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.pageCode).toBe(result.shownCode);
    expect(result.stdout).toMatch(/signed in to myco/);
    expect(result.stdout).toMatch(/sts-tray sso roles myco --add/);
    const token = await new ChunkedSecretStore(keychain).get('sso-token:myco');
    expect(token).toMatch(/"refreshToken"/);
    // Tokens live in the keychain only: no file we or the AWS CLI keep holds them.
    const { accessToken, refreshToken } = JSON.parse(token ?? '{}') as { accessToken: string; refreshToken: string };
    for (const file of await filesUnder(home)) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(accessToken);
      expect(text, file).not.toContain(refreshToken);
    }
  });

  it('discovers the accounts and roles, guesses tes/stg/prd, and adds them as roles', async () => {
    const listed = await cli(['sso', 'roles', 'myco']);
    expect(listed.stdout).toMatch(/myco-prd-ReadOnlyAccess\s+prd\s+444444444444 \(myco-prd\)/);
    expect(listed.stdout).toMatch(/add them with: sts-tray sso roles myco --add/);
    const added = await cli(['sso', 'roles', 'myco', '--add']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/added 4 role\(s\)/);
    const roles = JSON.parse((await cli(['role', 'list', '--json'])).stdout) as { name: string; env: string; identity: string }[];
    expect(roles.map((r) => [r.name, r.env, r.identity])).toEqual([
      ['myco-tes-AdministratorAccess', 'tes', 'myco'],
      ['myco-tes-ReadOnlyAccess', 'tes', 'myco'],
      ['myco-stg-ReadOnlyAccess', 'stg', 'myco'],
      ['myco-prd-ReadOnlyAccess', 'prd', 'myco'],
    ]);
    expect((await cli(['sso', 'roles', 'myco', '--add'])).stdout).not.toMatch(/added/);
  });

  it('switches between tes, stg and prd roles, and the real AWS CLI is each of them', async () => {
    for (const [role, account, permissionSet] of [
      ['myco-tes-AdministratorAccess', '222222222222', 'AdministratorAccess'],
      ['myco-stg-ReadOnlyAccess', '333333333333', 'ReadOnlyAccess'],
      ['myco-prd-ReadOnlyAccess', '444444444444', 'ReadOnlyAccess'],
    ] as const) {
      // --yes: prd is confirmed, and this script has no terminal to confirm in.
      const assumed = await cli(['assume', role, '--yes']);
      expect(assumed.stderr).toBe('');
      expect(assumed.code).toBe(0);
      const caller = await callerOf(role);
      expect(caller.Account).toBe(account);
      expect(caller.Arn).toMatch(new RegExp(`assumed-role/AWSReservedSSO_${permissionSet}_[0-9a-f]+/${SSO_USER}$`));
    }
    // The user's own [sso-session] and sso_* profile survive every byte.
    expect((await readFile(join(home, '.aws', 'config'), 'utf8')).startsWith(FOREIGN_CONFIG)).toBe(true);
    expect((await stat(join(home, '.aws', 'credentials'))).mode & 0o777).toBe(0o600);
  });

  it('export lines, whoami and credential_process work for an SSO role as for any other', async () => {
    const exported = await cli(['export', 'myco-stg-ReadOnlyAccess', '--format', 'bash']);
    expect(exported.code).toBe(0);
    const { stdout } = await run('bash', ['-c', `${exported.stdout}\n"$AWS" sts get-caller-identity --endpoint-url "$STS" --output json`], {
      env: { ...env, ...QUIET_AWS_CLI_ENV, AWS: debianAwsCli(), STS: world.sts.url },
    });
    expect((JSON.parse(stdout) as { Account: string }).Account).toBe('333333333333');

    const who = await cli(['whoami', 'myco-prd-ReadOnlyAccess']);
    expect(who.stdout).toMatch(/account 444444444444/);

    const added = await cli(['role', 'add', 'stg-cp', '--identity', 'myco', '--account', '333333333333', '--role-name', 'ReadOnlyAccess', '--env', 'stg', '--credential-process']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const caller = await callerOf('stg-cp');
    expect(caller.Account).toBe('333333333333');
  });

  it('a revoked sign-in says to sign in again and leaves the written profiles as they were', async () => {
    const before = await readFile(join(home, '.aws', 'credentials'), 'utf8');
    world.sso.revokeSessions();
    const failed = await cli(['assume', 'myco-tes-ReadOnlyAccess']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/sign in again with sts-tray sso login myco/);
    expect(await readFile(join(home, '.aws', 'credentials'), 'utf8')).toBe(before);
    const again = await login('myco', 'allow');
    expect(again.code).toBe(0);
    expect((await cli(['assume', 'myco-tes-ReadOnlyAccess'])).code).toBe(0);
    expect((await callerOf('myco-tes-ReadOnlyAccess')).Account).toBe('222222222222');
  });

  it('lists the sign-in and signs out, deleting its tokens from the keychain', async () => {
    const status = await cli(['status']);
    expect(status.stdout).toMatch(/SSO SIGN-IN\s+SIGNED IN\nmyco\s+until/);
    const listed = await cli(['sso', 'list']);
    expect(listed.stdout).toMatch(/myco\s+http:\/\/127\.0\.0\.1:\d+\/start\s+ap-northeast-1\s+until/);
    const out = await cli(['sso', 'logout', 'myco']);
    expect(out.code).toBe(0);
    expect(await keychain.get('sso-token:myco')).toBeNull();
    // Signed in again, `logout --all` ends the sign-in as it ends MFA sessions.
    expect((await login('myco', 'allow')).code).toBe(0);
    expect((await cli(['logout', '--all'])).stdout).toMatch(/IAM Identity Center sign-ins are ended/);
    expect(await keychain.get('sso-token:myco')).toBeNull();
    // Pointed at another region, the old client registration goes with the old instance.
    expect(await keychain.get('sso-client:myco')).not.toBeNull();
    expect((await cli(['sso', 'add', 'myco', '--start-url', world.sso.startUrl, '--region', 'eu-west-1', '--replace'])).code).toBe(0);
    expect(await keychain.get('sso-client:myco')).toBeNull();
    const refused = await cli(['assume', 'myco-stg-ReadOnlyAccess']);
    expect(refused.stderr).toMatch(/is not signed in: sign in again with sts-tray sso login myco/);
  });
});
