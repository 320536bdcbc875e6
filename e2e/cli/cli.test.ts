// The `sts-tray` binary end to end, as a user runs it: a real process, the real keyring
// (private, from `npm test`), real files in a temp HOME, STS emulated over loopback HTTP,
// and the real AWS CLI and bash reading what we wrote.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { runCliProcess, type CliResult, cliTestEnv, requirePrivateKeyring } from './run-cli-process.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';

const run = promisify(execFile);

const DEV = fakeMfaUser('dev', 'dev');
const TES_ARN = 'arn:aws:iam::222222222222:role/tes-deployer';
const STG_ARN = 'arn:aws:iam::333333333333:role/stg-deployer';

const FOREIGN = [
  '# my hand-written profiles',
  '[default]',
  'aws_access_key_id = AKIAFOREIGN000000001',
  'aws_secret_access_key = foreign-secret-1',
  '',
  '; keep me',
  '[profile odd]',
  'region=eu-west-1',
  '',
  '[work]',
  'aws_access_key_id = AKIAFOREIGN000000002',
  'aws_secret_access_key = foreign-secret-2',
  's3 =',
  '  max_concurrent_requests = 10',
  '',
].join('\n');

describe('sts-tray CLI against the emulator, the real keyring and the real AWS CLI', () => {
  let emulator: StsEmulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;
  const outputs: string[] = [];
  let usedCode = '';

  const cli = async (args: string[], stdin = ''): Promise<CliResult> => {
    const result = await runCliProcess([...args, '--endpoint-url', emulator.url], env, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const credentialsPath = () => join(home, '.aws', 'credentials');
  const awsCli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run(debianAwsCli(), [...args, '--endpoint-url', emulator.url, '--output', 'json'], {
      env: { ...env, ...QUIET_AWS_CLI_ENV, ...extraEnv },
    });

  beforeAll(async () => {
    requirePrivateKeyring();
    emulator = await startStsEmulator({
      users: [DEV],
      roles: [
        { arn: TES_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/dev'], externalId: 'ext-tes', requireMfa: true },
        { arn: STG_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/dev'], requireMfa: true },
      ],
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-cli-'));
    const service = `sts-tray-test-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service);
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('adds an identity: secret from stdin, verified with GetCallerIdentity, kept only in the keychain', async () => {
    const wrong = await cli(
      ['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'],
      'fake-secret-wrong-000000000000000000000000\n',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/secret access key does not belong/);

    const added = await cli(
      ['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'],
      `${DEV.secretAccessKey}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('verified: account 111111111111');
    const config = await readFile(join(home, 'app', 'config.json'), 'utf8');
    expect(config).toContain(DEV.accessKeyId);
    expect(config).not.toContain(DEV.secretAccessKey);
    expect(await keychain.get('identity:dev')).toContain(DEV.secretAccessKey);
  });

  it('adds roles by ARN and by account + role name', async () => {
    const tes = await cli(['role', 'add', 'tes', '--identity', 'dev', '--role-arn', TES_ARN, '--external-id', 'ext-tes', '--env', 'tes', '--mfa']);
    expect(tes.code).toBe(0);
    const stg = await cli(['role', 'add', 'stg', '--identity', 'dev', '--account', '333333333333', '--role-name', 'stg-deployer', '--env', 'stg', '--mfa']);
    expect(stg.code).toBe(0);
    const list = await cli(['role', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { name: 'tes', roleArn: TES_ARN, externalId: 'ext-tes', env: 'tes', mfa: true },
      { name: 'stg', roleArn: STG_ARN, env: 'stg', mfa: true },
    ]);
  });

  it('rejects bad input with exit 2 (usage) or 1 (validation) and writes nothing', async () => {
    expect((await cli(['assume'])).code).toBe(2);
    expect((await cli(['role', 'add', 'x', '--identity', 'dev', '--bogus'])).code).toBe(2);
    const badArn = await cli(['role', 'add', 'x', '--identity', 'dev', '--role-arn', 'arn:aws:iam::12:role/x']);
    expect(badArn.code).toBe(1);
    expect(badArn.stderr).toMatch(/role ARN looks like/);
    const shortCode = await cli(['assume', 'tes', '--mfa-code', '12345']);
    expect(shortCode.code).toBe(1);
    expect(shortCode.stderr).toMatch(/exactly 6 digits/);
    await expect(stat(credentialsPath())).rejects.toThrow();
  });

  it('exits 3 when a code is needed and none was given', async () => {
    const result = await cli(['assume', 'tes']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/enter the current code/);
  });

  it('assume tes with a code writes [tes]; foreign profiles survive; the AWS CLI uses it', async () => {
    await mkdir(join(home, '.aws'), { mode: 0o700 });
    await writeFile(credentialsPath(), FOREIGN, { mode: 0o600 });
    emulator.resetCalls();
    usedCode = emulator.totp(DEV.mfa.serial);
    const result = await cli(['assume', 'tes', '--mfa-code', usedCode]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(credentialsPath(), 'utf8');
    expect(text.startsWith(FOREIGN)).toBe(true);
    expect(text).toMatch(/\[tes\]\n# [^\n]*sts-tray/);
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600);

    const { stdout } = await awsCli(['sts', 'get-caller-identity', '--profile', 'tes']);
    expect(JSON.parse(stdout).Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/tes-deployer\//);
    const region = await run(debianAwsCli(), ['configure', 'get', 'region', '--profile', 'tes'], { env });
    expect(region.stdout.trim()).toBe('ap-northeast-1');
  });

  it('assume stg needs no code: the MFA session in the keychain is reused', async () => {
    emulator.resetCalls();
    const result = await cli(['assume', 'stg']);
    expect(result.code).toBe(0);
    expect(emulator.calls.map((c) => c.action)).toEqual(['AssumeRole']);
    const { stdout } = await awsCli(['sts', 'get-caller-identity', '--profile', 'stg']);
    expect(JSON.parse(stdout).Arn).toMatch(/assumed-role\/stg-deployer\//);
  });

  it('export lines evaluated by bash give the AWS CLI the role', async () => {
    const exported = await cli(['export', 'stg', '--format', 'bash']);
    expect(exported.code).toBe(0);
    const script = `eval "$STS_TRAY_EXPORT" && "$AWS_BIN" sts get-caller-identity --endpoint-url "$URL" --output json`;
    const { stdout } = await run('bash', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        HOME: join(home, 'empty-home'), // no profiles: only the exported variables count
        STS_TRAY_EXPORT: exported.stdout,
        AWS_BIN: debianAwsCli(),
        URL: emulator.url,
        ...QUIET_AWS_CLI_ENV,
      },
    });
    expect(JSON.parse(stdout).Arn).toMatch(/assumed-role\/stg-deployer\//);
    const json = await cli(['export', 'stg', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
  });

  it('whoami, status and identity list report without secrets', async () => {
    const who = await cli(['whoami', 'tes']);
    expect(who.stdout).toMatch(/assumed-role\/tes-deployer/);
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    expect(status.roles.map((r: { state: string }) => r.state)).toEqual(['active', 'active']);
    expect(status.identities[0].mfaSessionExpiresAt).toBeGreaterThan(Date.now());
    const identities = JSON.parse((await cli(['identity', 'list', '--json'])).stdout);
    expect(identities[0].accessKeyId).toBe('AKIA…0001');
  });

  it('logout removes only our sections; --all also ends the MFA session', async () => {
    expect((await cli(['logout', 'tes'])).code).toBe(0);
    const afterOne = await readFile(credentialsPath(), 'utf8');
    expect(afterOne).not.toContain('[tes]');
    expect(afterOne).toContain('[stg]');
    expect((await cli(['logout', '--all'])).code).toBe(0);
    expect(await readFile(credentialsPath(), 'utf8')).toBe(FOREIGN);
    expect((await cli(['assume', 'stg'])).code).toBe(3);
  });

  it('a reused MFA code is refused by STS with a clear message', async () => {
    const used = emulator.calls.length;
    const reused = await cli(['assume', 'tes', '--mfa-code', usedCode]);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toMatch(/invalid MFA code.*wait for the next code/);
    expect(emulator.calls.slice(used).filter((c) => c.action === 'GetSessionToken')).toHaveLength(1);
  });

  it('never printed a long-lived secret', () => {
    for (const text of outputs) expect(text).not.toContain(DEV.secretAccessKey);
  });
});
