// `credential_process = sts-tray credential-process ROLE` read by the real AWS CLI v2 and by
// the JS SDK v3, against the STS emulator and the private keyring: without a running app
// (the command does the work), with `sts-tray watch` serving its live sessions over the
// socket (20 AWS CLI processes at once make one AssumeRole), an MFA code needed with no
// terminal (one line, at once, never a hang), and a socket left by a killed watch.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { credentialSocketLocation } from '../../electron/adapters/credential-socket-path.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { CLI_ENTRY, cliTestEnv, runCliProcess, type CliResult, requirePrivateKeyring } from './run-cli-process.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DEV = fakeMfaUser('dev', 'cproc');
const OPS = fakeMfaUser('ops', 'cprocops');
const TES_ARN = 'arn:aws:iam::222222222222:role/tes-deployer';
const STG_ARN = 'arn:aws:iam::333333333333:role/stg-deployer';
const PRD_ARN = 'arn:aws:iam::444444444444:role/prd-deployer';
const NEEDS_MFA = 'sts-tray: role prd needs an MFA code; enter it in the tray or run `sts-tray assume prd`';

describe('credential_process through sts-tray, read by the AWS CLI v2 and the JS SDK v3', () => {
  let emulator: StsEmulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;
  const children: ChildProcess[] = [];

  const cli = (args: string[], stdin = ''): Promise<CliResult> => runCliProcess(args, env, stdin);
  const awsCli = (profile: string) =>
    run(debianAwsCli(), ['sts', 'get-caller-identity', '--profile', profile, '--endpoint-url', emulator.url, '--output', 'json'], {
      env: { ...env, ...QUIET_AWS_CLI_ENV },
    }).then(
      ({ stdout }) => ({ ok: true as const, arn: (JSON.parse(stdout) as { Arn: string }).Arn, stderr: '' }),
      (error: { stderr?: string }) => ({ ok: false as const, arn: '', stderr: error.stderr ?? '' }),
    );
  const jsSdk = async (profile: string) => {
    const script = [
      "import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';",
      `const client = new STSClient({ region: 'ap-northeast-1', endpoint: process.env.URL });`,
      'const out = await client.send(new GetCallerIdentityCommand({}));',
      'console.log(out.Arn);',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO,
      env: { ...env, AWS_PROFILE: profile, URL: emulator.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    return stdout.trim();
  };
  const actions = () => emulator.calls.map((c) => c.action);

  /** `sts-tray watch` as a user starts it, serving once its socket line is out. */
  async function startWatch(roles: string[]): Promise<{ child: ChildProcess; lines: string[] }> {
    const child = spawn(process.execPath, [CLI_ENTRY, 'watch', ...roles, '--endpoint-url', emulator.url], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const lines: string[] = [];
    let text = '';
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch did not serve; stdout:\n${text}\nstderr:\n${stderr}`)), 15_000);
      child.stdout?.on('data', (d: Buffer) => {
        text += d.toString('utf8');
        lines.splice(0, lines.length, ...text.split('\n').filter(Boolean));
        if (/serving credential_process at /.test(text) && /watching /.test(text)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    return { child, lines };
  }
  const stop = async (child: ChildProcess, signal: NodeJS.Signals) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };

  beforeAll(async () => {
    requirePrivateKeyring();
    emulator = await startStsEmulator({
      users: [DEV, OPS],
      roles: [
        { arn: TES_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/dev'], externalId: 'ext-tes', requireMfa: true },
        { arn: STG_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/dev'], requireMfa: true },
        { arn: PRD_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/ops'], requireMfa: true },
      ],
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-cproc-'));
    const service = `sts-tray-test-cproc-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    const configFile = join(home, 'aws-config');
    env = cliTestEnv(home, service, {
      TZ: 'UTC',
      // The profiles AWS tools read, written by hand as a user would.
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
      STS_TRAY_STS_ENDPOINT: emulator.url,
      // Each suite its own runtime folder, so a socket of another suite is never asked.
      XDG_RUNTIME_DIR: await mkdtemp(join(tmpdir(), 'sts-tray-cproc-run-')),
    });
    const command = (role: string) => `${process.execPath} ${CLI_ENTRY} credential-process ${role}`;
    // Named apart from the roles' own profiles (tes, stg, prd), which assume writes in file mode.
    await writeFile(
      configFile,
      ['tes', 'stg', 'prd'].map((r) => `[profile cp-${r}]\nregion = ap-northeast-1\ncredential_process = ${command(r)}\n`).join('\n'),
    );
    for (const user of [DEV, OPS]) {
      const added = await cli(
        ['identity', 'add', user.userName, '--access-key-id', user.accessKeyId, '--mfa-serial', user.mfa.serial, '--region', 'ap-northeast-1'],
        `${user.secretAccessKey}\n`,
      );
      expect(added.stderr).toBe('');
    }
    for (const [name, identity, arn] of [['tes', 'dev', TES_ARN], ['stg', 'dev', STG_ARN], ['prd', 'ops', PRD_ARN]] as const) {
      const extra = name === 'tes' ? ['--external-id', 'ext-tes'] : [];
      expect((await cli(['role', 'add', name, '--identity', identity, '--role-arn', arn, '--env', name, '--mfa', ...extra])).code).toBe(0);
    }
  });

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
    if (env?.XDG_RUNTIME_DIR) await rm(env.XDG_RUNTIME_DIR, { recursive: true, force: true });
  });

  it('with no app and no MFA session: the AWS CLI fails with our one line, no prompt, no STS call', async () => {
    emulator.resetCalls();
    const direct = await cli(['credential-process', 'prd']);
    expect(direct).toMatchObject({ code: 3, stdout: '', stderr: `${NEEDS_MFA}\n` });
    const viaAws = await awsCli('cp-prd');
    expect(viaAws.ok).toBe(false);
    expect(viaAws.stderr).toContain(NEEDS_MFA);
    expect(actions()).toEqual([]);
  });

  it('with no app: the command assumes the role itself from the keychain MFA session; AWS CLI and JS SDK use it; no file written', async () => {
    expect((await cli(['assume', 'tes', '--mfa-code', emulator.totp(DEV.mfa.serial)])).code).toBe(0);
    await rm(join(home, 'aws-credentials'));
    emulator.resetCalls();
    const json = await cli(['credential-process', 'stg']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(parsed).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(Date.parse(String(parsed.Expiration))).toBeGreaterThan(Date.now());
    expect(await awsCli('cp-stg')).toMatchObject({ ok: true, arn: expect.stringMatching(/assumed-role\/stg-deployer\//) });
    expect(await jsSdk('cp-tes')).toMatch(/assumed-role\/tes-deployer\//);
    expect(actions().filter((a) => a === 'AssumeRole')).toHaveLength(3);
    expect(actions()).not.toContain('GetSessionToken');
    await expect(rm(join(home, 'aws-credentials'))).rejects.toThrow();
  });

  it('with watch running: answers from its live session; 20 AWS CLI processes at once make one AssumeRole', async () => {
    const watch = await startWatch(['tes']);
    emulator.resetCalls();
    // tes is watch's own live session: no STS call but the callers' own.
    const [tes, sdk] = await Promise.all([awsCli('cp-tes'), jsSdk('cp-tes')]);
    expect(tes).toMatchObject({ ok: true, arn: expect.stringMatching(/assumed-role\/tes-deployer\//) });
    expect(sdk).toMatch(/assumed-role\/tes-deployer\//);
    expect(actions()).toEqual(['GetCallerIdentity', 'GetCallerIdentity']);

    // stg is not assumed yet in watch: twenty tools asking at once share one AssumeRole.
    emulator.resetCalls();
    const results = await Promise.all(Array.from({ length: 20 }, () => awsCli('cp-stg')));
    expect(results.map((r) => r.ok)).toEqual(Array(20).fill(true));
    expect(new Set(results.map((r) => r.arn)).size).toBe(1);
    expect(actions().filter((a) => a === 'AssumeRole')).toHaveLength(1);
    expect(actions().filter((a) => a === 'GetCallerIdentity')).toHaveLength(20);
    expect(actions()).toHaveLength(21);

    // export and whoami reuse the live session; --fresh assumes again.
    emulator.resetCalls();
    const exported = await cli(['export', 'stg', '--format', 'json']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ Version: 1 });
    expect((await cli(['whoami', 'stg'])).stdout).toMatch(/assumed-role\/stg-deployer/);
    expect(actions()).toEqual(['GetCallerIdentity']);
    expect((await cli(['export', 'stg', '--format', 'json', '--fresh'])).code).toBe(0);
    expect(actions()).toEqual(['GetCallerIdentity', 'AssumeRole']);
    await stop(watch.child, 'SIGINT');
  });

  it('with watch running and an MFA code needed: one line to the tool, one line in watch for many asks', async () => {
    const watch = await startWatch(['tes']);
    emulator.resetCalls();
    const [a, b] = await Promise.all([awsCli('cp-prd'), awsCli('cp-prd')]);
    for (const r of [a, b]) expect(r.stderr).toContain(NEEDS_MFA);
    expect(await cli(['credential-process', 'prd'])).toMatchObject({ code: 3, stderr: `${NEEDS_MFA}\n` });
    expect(actions()).toEqual([]);
    expect(watch.lines.filter((l) => /a tool asked for prd: it needs an MFA code of ops/.test(l))).toHaveLength(1);
    await stop(watch.child, 'SIGTERM');
  });

  it('a socket left by a killed watch is not trusted to answer: the command falls back and works', async () => {
    const watch = await startWatch(['tes']);
    await stop(watch.child, 'SIGKILL');
    const location = credentialSocketLocation(env);
    expect(location.path.startsWith(String(env.XDG_RUNTIME_DIR))).toBe(true);
    expect(lstatSync(location.path).isSocket()).toBe(true);
    emulator.resetCalls();
    const result = await cli(['credential-process', 'tes']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(actions()).toEqual(['AssumeRole']);
    expect(await awsCli('cp-tes')).toMatchObject({ ok: true });
    // The next watch replaces the stale socket and serves again.
    const again = await startWatch(['tes']);
    emulator.resetCalls();
    expect(await awsCli('cp-tes')).toMatchObject({ ok: true });
    expect(actions()).toEqual(['GetCallerIdentity']);
    await stop(again.child, 'SIGINT');
  });
});
