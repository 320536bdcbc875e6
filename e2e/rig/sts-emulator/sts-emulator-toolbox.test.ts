// The emulator's IAM side and tool calls against real clients: IAM's key calls through
// Debian's AWS CLI v2 (the 2-key quota, NoSuchEntity, a new key that signs only after the
// propagation delay, a deleted key refused), GetAccessKeyInfo, GetFederationToken and
// DecodeAuthorizationMessage through @aws-sdk/client-sts, and the federation endpoint by fetch.

import { execFile } from 'node:child_process';

import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';

import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../aws-cli.js';
import { DEV, DEV_ARN, HUB_ACCOUNT, MFA_SERIAL, READER, TES_ACCOUNT, fixtureOptions } from './fixtures.js';
import { DEV_KEYS, keysOf, type Keys } from './sdk-session-keys.js';
import { startStsEmulator, type StsEmulator, type StsEmulatorOptions } from './sts-emulator.js';

let emulator: StsEmulator;

async function start(overrides: Partial<StsEmulatorOptions> = {}): Promise<StsEmulator> {
  emulator = await startStsEmulator(fixtureOptions(overrides));
  return emulator;
}

afterEach(async () => {
  await emulator.close();
});

function sts(keys: Keys): STSClient {
  return new STSClient({ endpoint: emulator.url, region: 'ap-northeast-1', credentials: keys, maxAttempts: 1 });
}

/** dev's MFA session, started with the current code. */
async function mfaSessionKeys(): Promise<Keys> {
  return keysOf((await sts(DEV_KEYS).send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: emulator.totp(MFA_SERIAL) }))).Credentials);
}

function aws(args: readonly string[], keys: Keys): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  Object.assign(env, {
    ...QUIET_AWS_CLI_ENV,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });
  const argv = [...args, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--output', 'json'];
  return new Promise((resolve) => {
    execFile(debianAwsCli(), argv, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).name;
  }
  throw new Error('expected the call to fail');
}

describe('IAM access keys, through the real AWS CLI', () => {
  it('lists, creates up to two, refuses a third, and a new key signs; the deleted old key is refused', async () => {
    await start({ users: [{ ...DEV, keyCreatedAt: '2026-01-05T10:00:00Z' }] });
    const listed = await aws(['iam', 'list-access-keys'], DEV_KEYS);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toMatchObject({
      AccessKeyMetadata: [{ UserName: 'dev', AccessKeyId: DEV.accessKeyId, Status: 'Active', CreateDate: '2026-01-05T10:00:00+00:00' }],
    });

    const created = await aws(['iam', 'create-access-key'], DEV_KEYS);
    const key = (JSON.parse(created.stdout) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const third = await aws(['iam', 'create-access-key'], DEV_KEYS);
    expect(third.code).not.toBe(0);
    expect(third.stderr).toMatch(/LimitExceeded.*AccessKeysPerUser: 2/);

    const newKeys = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
    expect((await sts(newKeys).send(new GetCallerIdentityCommand({}))).Arn).toBe(DEV_ARN);
    const deleted = await aws(['iam', 'delete-access-key', '--access-key-id', DEV.accessKeyId], newKeys);
    expect(deleted.code).toBe(0);
    expect(await errorName(sts(DEV_KEYS).send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    const again = await aws(['iam', 'delete-access-key', '--access-key-id', DEV.accessKeyId], newKeys);
    expect(again.stderr).toMatch(/NoSuchEntity/);
    expect(emulator.accessKeys('dev').map((k) => k.accessKeyId)).toEqual([key.AccessKeyId]);
  });

  it('deactivates a key, and a new key is refused until the propagation delay has passed', async () => {
    // The AWS CLI signs by the real clock: the emulator's runs ahead of it only by what the test adds.
    let ahead = 0;
    await start({ now: () => Date.now() + ahead });
    emulator.setKeyPropagationDelayMs(8_000);
    const created = await aws(['iam', 'create-access-key'], DEV_KEYS);
    const key = (JSON.parse(created.stdout) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
    const newKeys = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
    expect(await errorName(sts(newKeys).send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    ahead += 8_000;
    expect((await sts(newKeys).send(new GetCallerIdentityCommand({}))).Account).toBe(HUB_ACCOUNT);

    const update = await aws(['iam', 'update-access-key', '--access-key-id', DEV.accessKeyId, '--status', 'Inactive'], newKeys);
    expect(update.code).toBe(0);
    expect(emulator.accessKeys('dev').find((k) => k.accessKeyId === DEV.accessKeyId)?.status).toBe('Inactive');
    expect(await errorName(sts(DEV_KEYS).send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
  });

  it('follows the user policy: MFA required for key changes, denied actions, no IAM for role sessions', async () => {
    await start({ users: [{ ...DEV, iam: { requireMfa: true, denied: ['ListAccessKeys'] } }] });
    const plain = await aws(['iam', 'create-access-key'], DEV_KEYS);
    expect(plain.stderr).toMatch(/AccessDenied.*explicit deny/);
    const mfaKeys = await mfaSessionKeys();
    expect((await aws(['iam', 'list-access-keys'], mfaKeys)).stderr).toMatch(/AccessDenied/);
    expect((await aws(['iam', 'create-access-key'], mfaKeys)).code).toBe(0);
    // A role session is no IAM user: it may not manage keys at all.
    const roleKeys = keysOf((await sts(DEV_KEYS).send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'keys' }))).Credentials);
    expect((await aws(['iam', 'create-access-key'], roleKeys)).stderr).toMatch(/AccessDenied.*assumed-role\/tes-reader\/keys is not authorized to perform: iam:CreateAccessKey/);
    expect(emulator.accessKeys('dev')).toHaveLength(2);
  });
});

describe('STS tool calls and the console sign-in endpoint', () => {
  it('tells the account of a key: ours, an issued one, a foreign one', async () => {
    await start({ foreignKeys: { AKIAFOREIGN000000009: '999999999999' } });
    const info = async (id: string) => (await sts(DEV_KEYS).send(new GetAccessKeyInfoCommand({ AccessKeyId: id }))).Account;
    expect(await info(DEV.accessKeyId)).toBe(HUB_ACCOUNT);
    const issued = keysOf((await sts(DEV_KEYS).send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'info' }))).Credentials);
    expect(await info(issued.accessKeyId)).toBe(TES_ACCOUNT);
    expect(await info('AKIAFOREIGN000000009')).toBe('999999999999');
  });

  it('issues a federation token only from the long-lived key, and it signs in to the console once', async () => {
    await start();
    const mfaKeys = await mfaSessionKeys();
    expect(await errorName(sts(mfaKeys).send(new GetFederationTokenCommand({ Name: 'dev' })))).toBe('AccessDenied');

    const fed = await sts(DEV_KEYS).send(new GetFederationTokenCommand({ Name: 'dev-console', DurationSeconds: 3600, Policy: '{"Version":"2012-10-17"}' }));
    expect(fed.FederatedUser?.Arn).toBe(`arn:aws:sts::${HUB_ACCOUNT}:federated-user/dev-console`);
    const session = JSON.stringify({ sessionId: fed.Credentials?.AccessKeyId, sessionKey: fed.Credentials?.SecretAccessKey, sessionToken: fed.Credentials?.SessionToken });
    const tokenUrl = `${emulator.url}/federation?Action=getSigninToken&Session=${encodeURIComponent(session)}`;
    const withDuration = await fetch(`${tokenUrl}&SessionDuration=3600`);
    expect(withDuration.status).toBe(400);
    const { SigninToken } = (await (await fetch(tokenUrl)).json()) as { SigninToken: string };
    const destination = 'https://console.aws.amazon.com/s3/';
    const login = `${emulator.url}/federation?Action=login&Issuer=sts-tray&Destination=${encodeURIComponent(destination)}&SigninToken=${SigninToken}`;
    const redirect = await fetch(login, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(destination);
    expect((await fetch(login, { redirect: 'manual' })).status).toBe(400);
    expect(emulator.signins()).toMatchObject([{ arn: `arn:aws:sts::${HUB_ACCOUNT}:federated-user/dev-console`, destination, issuer: 'sts-tray' }]);
    // A federated user's console session lasts as long as its credentials have left.
    expect(emulator.signins()[0]?.consoleSeconds).toBeGreaterThan(3590);
  });

  it('refuses a sign-in token for a session it did not issue or an MFA session', async () => {
    await start();
    const tokenFor = (session: object) => fetch(`${emulator.url}/federation?Action=getSigninToken&Session=${encodeURIComponent(JSON.stringify(session))}`);
    const forged = await tokenFor({ sessionId: 'ASIAFAKE000000000001', sessionKey: 'fake', sessionToken: 'fake' });
    expect([forged.status, await forged.text()]).toEqual([400, 'the session credentials are invalid or expired\n']);
    const mfaKeys = await mfaSessionKeys();
    const mfa = await tokenFor({ sessionId: mfaKeys.accessKeyId, sessionKey: mfaKeys.secretAccessKey, sessionToken: mfaKeys.sessionToken });
    expect([mfa.status, await mfa.text()]).toEqual([400, 'only role sessions and federated users may sign in to the console\n']);
  });

  it('decodes a message for a role allowed to, in the account it came from only', async () => {
    const decoder = { ...READER, mayDecodeMessages: true };
    await start({ roles: [decoder] });
    const roleKeys = keysOf((await sts(DEV_KEYS).send(new AssumeRoleCommand({ RoleArn: decoder.arn, RoleSessionName: 'decode' }))).Credentials);
    const blob = emulator.encodeAuthorizationMessage({
      account: TES_ACCOUNT,
      principalArn: 'arn:aws:sts::222222222222:assumed-role/tes-reader/decode',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:ap-northeast-1:222222222222:instance/*',
      explicitDeny: true,
      matchedStatements: [{ statementId: 'DenyRun', effect: 'DENY', actions: ['ec2:RunInstances'], resources: ['*'] }],
      conditions: { 'aws:RequestedRegion': 'ap-northeast-1' },
    });
    const out = await sts(roleKeys).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: blob }));
    expect(JSON.parse(out.DecodedMessage ?? '')).toMatchObject({ allowed: false, explicitDeny: true, context: { action: 'ec2:RunInstances' } });

    const foreign = emulator.encodeAuthorizationMessage({ account: '999999999999', principalArn: 'x', action: 'a:b', resource: '*' });
    expect(await errorName(sts(roleKeys).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: foreign })))).toBe('InvalidAuthorizationMessageException');
    expect(await errorName(sts(DEV_KEYS).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: blob })))).toBe('AccessDenied');
  });
});
