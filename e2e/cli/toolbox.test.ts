// The rest of STS from the `sts-tray` binary, as a user runs it: the console (printed and
// opened through BROWSER), decoding authorization messages, key facts and key rotation —
// against the emulator's STS, IAM and federation endpoint, the real keyring, and Debian's AWS
// CLI to see that the rotated key works for a role and the old key is refused.

import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { ChunkedSecretStore } from '../../electron/core/chunked-secrets.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { CLI_ENTRY, cliTestEnv, runCliProcess, type CliResult } from './run-cli-process.js';
import { requireTestKeyring } from '../rig/test-keyring.js';

const run = promisify(execFile);
const DEV = { ...fakeMfaUser('dev', 'toolbox'), keyCreatedAt: '2026-01-05T00:00:00Z', iam: { requireMfa: true } };
const DEV_ARN = 'arn:aws:iam::111111111111:user/dev';
/** A user whose policy wants MFA for key changes, added first without its MFA device. */
const OPS = { ...fakeMfaUser('ops', 'toolops'), iam: { requireMfa: true } };
const TES_ARN = 'arn:aws:iam::222222222222:role/tes-deployer';
const READER_ARN = 'arn:aws:iam::222222222222:role/tes-reader';
const FAKE_BROWSER = fileURLToPath(new URL('./fake-browser.mjs', import.meta.url));

describe('sts-tray console, decode, identity show and rotate', () => {
  let emulator: StsEmulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;

  const endpoints = () => ['--endpoint-url', emulator.url, '--iam-endpoint-url', emulator.url, '--signin-endpoint', `${emulator.url}/federation`];
  const cli = (args: string[], stdin = '', extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> =>
    runCliProcess([...args, ...endpoints()], { ...env, ...extraEnv }, stdin);
  const stored = async (item: string) => JSON.parse((await new ChunkedSecretStore(keychain).get(item)) ?? '{}') as Record<string, string | undefined>;
  const storedKeyId = async () => (await stored('identity:dev')).accessKeyId;
  const awsCli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run(debianAwsCli(), [...args, '--endpoint-url', emulator.url, '--output', 'json'], { env: { ...env, ...QUIET_AWS_CLI_ENV, ...extraEnv } });

  beforeAll(async () => {
    requireTestKeyring();
    emulator = await startStsEmulator({
      users: [DEV, OPS],
      roles: [
        { arn: TES_ARN, trustedUsers: [DEV_ARN], requireMfa: true, mayDecodeMessages: true, maxSessionDuration: 7200 },
        { arn: READER_ARN, trustedUsers: [DEV_ARN] },
      ],
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-toolbox-'));
    const service = `sts-tray-test-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service);
    const added = await cli(['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'], `${DEV.secretAccessKey}\n`);
    expect(added.stderr).toBe('');
    expect((await cli(['role', 'add', 'tes', '--identity', 'dev', '--role-arn', TES_ARN, '--env', 'tes', '--mfa'])).code).toBe(0);
    expect((await cli(['role', 'add', 'reader', '--identity', 'dev', '--role-arn', READER_ARN])).code).toBe(0);
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('identity show: account, user, MFA device; the age from IAM once an MFA session allows listing keys', async () => {
    const before = await cli(['identity', 'show', 'dev']);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/account +111111111111\n/);
    expect(before.stdout).toContain(`user        ${DEV_ARN}`);
    expect(before.stdout).toContain(`MFA device  ${DEV.mfa.serial}`);
    expect(before.stdout).toMatch(/key age +0 days \(stored by sts-tray/);
    expect(before.stdout).toMatch(/key list is not available.*start one/);

    expect((await cli(['assume', 'tes', '--mfa-code', emulator.totp(DEV.mfa.serial)])).code).toBe(0);
    const after = await cli(['identity', 'show', 'dev', '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ keyAgeFrom: 'iam', keyCreatedAt: Date.parse('2026-01-05T00:00:00Z'), rotationDue: true, unexpectedAccount: false, otherKeys: [] });
    expect(after.stdout).not.toContain(DEV.secretAccessKey);
  });

  it('console --print: a login URL of the configured endpoint that signs in as the role for the asked duration', async () => {
    const tooShort = await cli(['console', 'tes', '--print', '--duration', '899']);
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/a console session lasts 15 minutes to 12 hours/);

    const printed = await cli(['console', 'tes', '--print', '--destination', 's3', '--duration', '7200']);
    expect(printed.stderr).toBe('');
    const url = new URL(printed.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/federation`);
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/?region=ap-northeast-1');
    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(emulator.signins().at(-1)).toMatchObject({ arn: 'arn:aws:sts::222222222222:assumed-role/tes-deployer/sts-tray-dev', consoleSeconds: 7200, issuer: 'sts-tray' });
  });

  it('console as the identity: GetFederationToken, with a plain note that it carries no MFA', async () => {
    const printed = await cli(['console', 'dev', '--identity', '--print']);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toMatch(/without MFA \(GetFederationToken cannot be called with an MFA session\)/);
    expect((await fetch(printed.stdout.trim(), { redirect: 'manual' })).status).toBe(302);
    expect(emulator.signins().at(-1)?.arn).toBe('arn:aws:sts::111111111111:federated-user/dev');
  });

  it('console without --print hands the URL to the browser through a one-use loopback address', async () => {
    const log = join(home, 'browser.log');
    const opened = await cli(['console', 'reader', '--destination', 'ec2'], '', { BROWSER: FAKE_BROWSER, FAKE_BROWSER_LOG: log });
    expect(opened.stderr).toBe('');
    expect(opened.stdout).toBe('opened the AWS console in your browser as arn:aws:sts::222222222222:assumed-role/tes-reader/sts-tray-dev\n');
    // The browser goes on by itself once it has the hand-off address: wait for its record.
    for (let i = 0; i < 100 && !existsSync(log); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const [record] = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(record).toMatchObject({ handoffHost: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as string, status: 302, landed: 'https://console.aws.amazon.com/ec2/?region=ap-northeast-1' });
    expect(record?.signinHost).toBe(new URL(emulator.url).host);
  });

  it('decode: a message from the argument or stdin; no permission, a malformed blob and another account each said plainly', async () => {
    const blob = emulator.encodeAuthorizationMessage({
      account: '222222222222',
      principalArn: 'arn:aws:sts::222222222222:assumed-role/tes-deployer/sts-tray-dev',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:ap-northeast-1:222222222222:instance/*',
      explicitDeny: true,
      matchedStatements: [{ statementId: 'DenyRun', effect: 'DENY', actions: ['ec2:RunInstances'], resources: ['*'] }],
      conditions: { 'aws:RequestedRegion': 'ap-northeast-1' },
    });
    const decoded = await cli(['decode', 'tes', blob]);
    expect(decoded.stderr).toBe('');
    expect(decoded.stdout).toMatch(/^denied by an explicit deny\naction +ec2:RunInstances\n/);
    expect(decoded.stdout).toContain('  DenyRun  DENY  ec2:RunInstances on *');
    expect(decoded.stdout).toContain('  aws:RequestedRegion = ap-northeast-1');
    const piped = await cli(['decode', 'tes', '-', '--json'], `${blob.slice(0, 100)}\n${blob.slice(100)}\n`);
    expect(JSON.parse(piped.stdout)).toMatchObject({ explicitDeny: true, context: { action: 'ec2:RunInstances' } });

    const foreign = emulator.encodeAuthorizationMessage({ account: '999999999999', principalArn: 'x', action: 's3:GetObject', resource: '*' });
    const other = await cli(['decode', 'tes', foreign]);
    expect([other.code, other.stderr]).toEqual([2, expect.stringMatching(/cannot decode this message with role "tes" \(account 222222222222\): it comes from another account/)]);
    const malformed = await cli(['decode', 'tes', 'not a message!']);
    expect([malformed.code, malformed.stderr]).toEqual([2, expect.stringMatching(/not an encoded authorization message/)]);
    const noRight = await cli(['decode', 'reader', blob]);
    expect([noRight.code, noRight.stderr]).toEqual([1, expect.stringMatching(/role "reader" may not call sts:DecodeAuthorizationMessage/)]);
  });

  it('rotate: the new key is stored and works for a role through the AWS CLI; the old key is refused', async () => {
    emulator.setKeyPropagationDelayMs(2_000);
    const rotated = await cli(['identity', 'rotate', 'dev']);
    emulator.setKeyPropagationDelayMs(0);
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    const newKey = await storedKeyId();
    expect(newKey).not.toBe(DEV.accessKeyId);
    expect(rotated.stdout).toBe(`identity dev now uses ${newKey} (verified with STS, in the OS keychain); the old key ${DEV.accessKeyId} is deleted\n`);
    expect(emulator.accessKeys('dev').map((k) => k.accessKeyId)).toEqual([newKey]);
    const config = await readFile(join(home, 'app', 'config.json'), 'utf8');
    expect(config).toContain(newKey);
    expect(config).not.toMatch(/secret/i);

    expect((await cli(['assume', 'reader'])).code).toBe(0);
    const asRole = await awsCli(['sts', 'get-caller-identity', '--profile', 'reader']);
    expect(JSON.parse(asRole.stdout)).toMatchObject({ Arn: 'arn:aws:sts::222222222222:assumed-role/tes-reader/sts-tray-dev' });
    const oldKey = await awsCli(['sts', 'get-caller-identity'], { AWS_ACCESS_KEY_ID: DEV.accessKeyId, AWS_SECRET_ACCESS_KEY: DEV.secretAccessKey }).catch((e: { stderr: string }) => e);
    expect((oldKey as { stderr: string }).stderr).toMatch(/InvalidClientTokenId/);
  });

  it('rotate refuses when the user already has two keys, and nothing changes', async () => {
    const current = await storedKeyId();
    // A second key made outside sts-tray, with the user's MFA session (its policy wants MFA for key changes).
    const session = await stored('mfa-session:dev');
    const made = await awsCli(['iam', 'create-access-key'], { AWS_ACCESS_KEY_ID: session.accessKeyId, AWS_SECRET_ACCESS_KEY: session.secretAccessKey, AWS_SESSION_TOKEN: session.sessionToken });
    const extra = (JSON.parse(made.stdout) as { AccessKey: { AccessKeyId: string } }).AccessKey.AccessKeyId;
    const refused = await cli(['identity', 'rotate', 'dev']);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(new RegExp(`already has two: ${current} \\(held by sts-tray\\) and ${extra} \\(Active\\).*nothing was changed`))]);
    expect(await storedKeyId()).toBe(current);
    await awsCli(['iam', 'delete-access-key', '--access-key-id', extra], { AWS_ACCESS_KEY_ID: session.accessKeyId, AWS_SECRET_ACCESS_KEY: session.secretAccessKey, AWS_SESSION_TOKEN: session.sessionToken });
  });

  it('network lost mid-rotation: the old key keeps working, identity show finds the orphan, a rerun deletes it and rotates', async () => {
    const current = await storedKeyId();
    emulator.injectFault({ kind: 'drop', action: 'CreateAccessKey', afterProcessing: true });
    const lost = await cli(['identity', 'rotate', 'dev']);
    expect([lost.code, lost.stderr]).toEqual([1, expect.stringMatching(new RegExp(`connection failed during CreateAccessKey.*your key ${current} still works`))]);
    expect(await storedKeyId()).toBe(current);
    const orphan = emulator.accessKeys('dev').find((k) => k.accessKeyId !== current)?.accessKeyId ?? '';
    const shown = await cli(['identity', 'show', 'dev']);
    expect(shown.stdout).toMatch(new RegExp(`other key +${orphan} \\(Active.*interrupted rotation created this key`));
    expect((await cli(['whoami', 'reader', '--fresh'])).code).toBe(0);

    const again = await cli(['identity', 'rotate', 'dev']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`note: deleted ${orphan}, which an interrupted rotation created`);
    expect(emulator.accessKeys('dev').map((k) => k.accessKeyId)).toEqual([await storedKeyId()]);
  });

  it('throttling on the old key: the new key is in use, the old one named, and a rerun retires it', async () => {
    const current = await storedKeyId();
    emulator.injectFault({ kind: 'throttle', action: 'DeleteAccessKey', times: 3 });
    const throttled = await cli(['identity', 'rotate', 'dev']);
    expect([throttled.code, throttled.stderr]).toEqual([1, expect.stringMatching(new RegExp(`IAM is throttling.*IAM still has the old key ${current} active`))]);
    const newKey = await storedKeyId();
    expect(newKey).not.toBe(current);
    const finished = await cli(['identity', 'rotate', 'dev']);
    expect(finished.stdout).toBe(`identity dev now uses ${newKey} (verified with STS, in the OS keychain); the old key ${current} is deleted\n`);
    expect(emulator.accessKeys('dev').map((k) => k.accessKeyId)).toEqual([newKey]);
  });

  it('a crash between CreateAccessKey and the keychain write: the old key works, identity show tells what to do, rotate finishes', async () => {
    const current = await storedKeyId();
    emulator.injectFault({ kind: 'latency', action: 'CreateAccessKey', ms: 30_000, afterProcessing: true });
    const child = spawn(process.execPath, [CLI_ENTRY, 'identity', 'rotate', 'dev', ...endpoints()], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 200 && emulator.accessKeys('dev').length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emulator.accessKeys('dev')).toHaveLength(2);
    child.kill('SIGKILL');
    await exited;
    emulator.clearFaults();

    expect(await storedKeyId()).toBe(current);
    expect((await cli(['whoami', 'reader', '--fresh'])).code).toBe(0);
    const shown = await cli(['identity', 'show', 'dev', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ otherKeys: [{ kind: 'orphan', status: 'Active' }] });
    const finished = await cli(['identity', 'rotate', 'dev']);
    expect(finished.code).toBe(0);
    expect(emulator.accessKeys('dev').map((k) => k.accessKeyId)).toEqual([await storedKeyId()]);
  });

  it('AccessDenied (the policy wants MFA, the identity has no device): says so, changes nothing; with the device added it rotates', async () => {
    const add = (extra: string[]) => cli(['identity', 'add', 'ops', '--access-key-id', OPS.accessKeyId, '--region', 'ap-northeast-1', ...extra], `${OPS.secretAccessKey}\n`);
    expect((await add([])).code).toBe(0);
    const denied = await cli(['identity', 'rotate', 'ops']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/ListAccessKeys failed: not allowed to call iam:ListAccessKeys.*add the MFA device to the identity\)\. Rotation did not start: your key AKIAFAKETOOLOPS00001 still works/);
    expect(emulator.accessKeys('ops').map((k) => k.accessKeyId)).toEqual([OPS.accessKeyId]);

    expect((await add(['--mfa-serial', OPS.mfa.serial, '--replace'])).code).toBe(0);
    const rotated = await cli(['identity', 'rotate', 'ops', '--mfa-code', emulator.totp(OPS.mfa.serial)]);
    expect(rotated.code).toBe(0);
    expect(emulator.accessKeys('ops').map((k) => k.accessKeyId)).not.toContain(OPS.accessKeyId);
  });
});
