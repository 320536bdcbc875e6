// The emulator against the real AWS CLI v2 (Debian's), configured only through files in a
// temporary HOME, as our users run it: MFA session, assume-role with external ID, and
// get-caller-identity from a profile holding the role's credentials.

import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../aws-cli.js';
import { DEPLOYER, DEV, DEV_ARN, EXTERNAL_ID, MFA_SERIAL, fixtureOptions } from './fixtures.js';
import { startStsEmulator, type StsEmulator } from './sts-emulator.js';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface CliCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: string;
}

let emulator: StsEmulator;
let home: string;
let credentialsFile: string;

function aws(args: readonly string[]): Promise<CliResult> {
  // Nothing from the developer's own AWS setup may leak in: only our files and switches count.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  Object.assign(env, {
    HOME: home,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_CONFIG_FILE: join(home, 'config'),
    ...QUIET_AWS_CLI_ENV,
  });
  const argv = [...args, '--endpoint-url', emulator.url, '--region', 'ap-northeast-1', '--output', 'json'];
  return new Promise((resolve) => {
    execFile(debianAwsCli(), argv, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function addProfile(name: string, keys: { id: string; secret: string; token?: string }): void {
  appendFileSync(
    credentialsFile,
    `\n[${name}]\naws_access_key_id = ${keys.id}\naws_secret_access_key = ${keys.secret}\n` +
      (keys.token ? `aws_session_token = ${keys.token}\n` : ''),
  );
}

function credentialsOf(result: CliResult): CliCredentials {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { Credentials: CliCredentials }).Credentials;
}

beforeAll(async () => {
  emulator = await startStsEmulator(fixtureOptions());
  home = mkdtempSync(join(tmpdir(), 'sts-emulator-cli-'));
  credentialsFile = join(home, 'credentials');
  writeFileSync(join(home, 'config'), '[default]\nregion = ap-northeast-1\n', { mode: 0o600 });
  writeFileSync(credentialsFile, '', { mode: 0o600 });
  addProfile('default', { id: DEV.accessKeyId, secret: DEV.secretAccessKey });
  addProfile('wrong-secret', { id: DEV.accessKeyId, secret: 'fake-secret-not-devs' });
});

afterAll(async () => {
  await emulator?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the STS emulator with the real AWS CLI v2', () => {
  it('runs our users’ workflow: MFA session, assume-role with external ID, get-caller-identity; refuses a bad signature', async () => {
    const [session, badSignature] = await Promise.all([
      aws(['sts', 'get-session-token', '--serial-number', MFA_SERIAL, '--token-code', emulator.totp(MFA_SERIAL), '--duration-seconds', '3600']),
      aws(['sts', 'get-caller-identity', '--profile', 'wrong-secret']),
    ]);
    expect(badSignature.code).not.toBe(0);
    expect(badSignature.stdout).toBe('');
    expect(badSignature.stderr).toContain('An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation');

    const mfa = credentialsOf(session);
    expect(mfa.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(Date.parse(mfa.Expiration) - Date.now()).toBeGreaterThan(3500_000);
    addProfile('dev-mfa', { id: mfa.AccessKeyId, secret: mfa.SecretAccessKey, token: mfa.SessionToken });

    const assumed = await aws([
      'sts', 'assume-role', '--profile', 'dev-mfa', '--role-arn', DEPLOYER.arn, '--role-session-name', 'dev-cli', '--external-id', EXTERNAL_ID,
    ]);
    const role = credentialsOf(assumed);
    expect((JSON.parse(assumed.stdout) as { AssumedRoleUser: { Arn: string } }).AssumedRoleUser.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/tes-deployer/dev-cli',
    );
    addProfile('tes-repository', { id: role.AccessKeyId, secret: role.SecretAccessKey, token: role.SessionToken });

    const identity = await aws(['sts', 'get-caller-identity', '--profile', 'tes-repository']);
    expect(identity.code).toBe(0);
    expect(JSON.parse(identity.stdout)).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/tes-deployer/dev-cli' });

    expect(emulator.calls.map((c) => [c.action, c.accessKeyId, c.status]).sort()).toEqual(
      [
        ['GetCallerIdentity', DEV.accessKeyId, 403],
        ['GetSessionToken', DEV.accessKeyId, 200],
        ['AssumeRole', mfa.AccessKeyId, 200],
        ['GetCallerIdentity', role.AccessKeyId, 200],
      ].sort(),
    );
  });

  it('shows the CLI user AWS’s "Signature expired" when the clocks are 20 minutes apart (this CLI does not correct skew)', async () => {
    emulator.setClockSkewMs(20 * 60_000);
    emulator.resetCalls();
    try {
      const result = await aws(['sts', 'get-caller-identity']);
      expect(result.code).not.toBe(0);
      expect(emulator.calls.map((c) => c.status)).toEqual([403]); // no retry with a corrected clock
      expect(result.stderr).toMatch(/\(SignatureDoesNotMatch\).*Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/);
    } finally {
      emulator.setClockSkewMs(0);
    }
    const after = await aws(['sts', 'get-caller-identity']);
    expect(JSON.parse(after.stdout)).toMatchObject({ Arn: DEV_ARN });
  });
});
