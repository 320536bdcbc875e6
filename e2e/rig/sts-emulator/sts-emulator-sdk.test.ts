// The emulator against the real @aws-sdk/client-sts: the SDK must not be able to tell it from STS.

import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CI_BOT, DEPLOYER, DEV, DEV_ARN, EXTERNAL_ID, MFA_SERIAL, READER, fixtureOptions } from './fixtures.js';
import { DEV_KEYS, keysOf, type Keys } from './sdk-session-keys.js';
import { startStsEmulator, type StsEmulator, type StsEmulatorOptions } from './sts-emulator.js';

function sts(emulator: StsEmulator, credentials: Keys, maxAttempts?: number): STSClient {
  return new STSClient({ endpoint: emulator.url, region: 'ap-northeast-1', credentials, ...(maxAttempts ? { maxAttempts } : {}) });
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the STS call to fail, but it succeeded');
}

let emulator: StsEmulator;

async function start(overrides: Partial<StsEmulatorOptions> = {}): Promise<StsEmulator> {
  emulator = await startStsEmulator(fixtureOptions(overrides));
  return emulator;
}

async function mfaSession(e: StsEmulator, durationSeconds?: number): Promise<Keys> {
  const out = await sts(e, DEV_KEYS).send(
    new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: e.totp(MFA_SERIAL), DurationSeconds: durationSeconds }),
  );
  return keysOf(out.Credentials);
}

afterEach(async () => {
  await emulator.close();
});

describe('the STS emulator with @aws-sdk/client-sts', () => {
  beforeEach(async () => {
    await start();
  });

  it('issues an MFA session, a role session from it with the external ID, and names the role as caller', async () => {
    const before = Date.now();
    const gst = await sts(emulator, DEV_KEYS).send(
      new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: emulator.totp(MFA_SERIAL), DurationSeconds: 3600 }),
    );
    const session = keysOf(gst.Credentials);
    expect(session.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(session.sessionToken?.length).toBeGreaterThanOrEqual(300);
    const sessionExpiry = gst.Credentials?.Expiration?.getTime() ?? 0;
    expect(sessionExpiry).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000);
    expect(sessionExpiry).toBeLessThanOrEqual(Date.now() + 3600_000);

    const assumed = await sts(emulator, session).send(
      new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'dev@tes', ExternalId: EXTERNAL_ID, DurationSeconds: 7200 }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/tes-deployer/dev@tes');
    expect(assumed.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:dev@tes$/);
    const role = keysOf(assumed.Credentials);

    const identity = await sts(emulator, role).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/tes-deployer/dev@tes' });
    expect(emulator.calls.map((c) => [c.action, c.status])).toEqual([
      ['GetSessionToken', 200],
      ['AssumeRole', 200],
      ['GetCallerIdentity', 200],
    ]);
    expect(emulator.issued().map((i) => [i.kind, i.mfa])).toEqual([
      ['user-session', true],
      ['role-session', true],
    ]);
  });

  it('names the IAM user as caller for its long-lived key and for its MFA session', async () => {
    const direct = await sts(emulator, DEV_KEYS).send(new GetCallerIdentityCommand({}));
    const viaSession = await sts(emulator, await mfaSession(emulator)).send(new GetCallerIdentityCommand({}));
    for (const identity of [direct, viaSession]) {
      expect(identity).toMatchObject({ Account: '111111111111', Arn: DEV_ARN, UserId: expect.stringMatching(/^AIDA[A-Z0-9]{17}$/) });
    }
  });

  it.each([
    ['a wrong secret', { ...DEV_KEYS, secretAccessKey: 'fake-secret-wrong' }, 'SignatureDoesNotMatch', 403],
    ['an unknown key', { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'fake-secret-x' }, 'InvalidClientTokenId', 403],
    ['a long-lived key with a session token', { ...DEV_KEYS, sessionToken: 'fake-token' }, 'InvalidClientTokenId', 403],
  ])('rejects %s once, without retrying', async (_what, keys, name, status) => {
    const error = await errorOf(sts(emulator, keys).send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name, status });
    expect(emulator.calls).toHaveLength(1);
  });

  it('rejects session credentials sent with another token, and a revoked key', async () => {
    const session = await mfaSession(emulator);
    const forged = await errorOf(sts(emulator, { ...session, sessionToken: `${session.sessionToken}x` }).send(new GetCallerIdentityCommand({})));
    expect(forged.name).toBe('InvalidClientTokenId');
    emulator.revokeAccessKey(DEV.accessKeyId);
    const revoked = await errorOf(sts(emulator, DEV_KEYS).send(new GetCallerIdentityCommand({})));
    expect(revoked.name).toBe('InvalidClientTokenId');
  });

  it('refuses a reused MFA code, and a wrong one, with AWS message', async () => {
    const code = emulator.totp(MFA_SERIAL);
    const client = sts(emulator, DEV_KEYS);
    await client.send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: code }));
    const reused = await errorOf(client.send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: code })));
    expect(reused).toEqual({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      status: 403,
    });
    const valid = [-30_000, 0, 30_000].map((offset) => emulator.totp(MFA_SERIAL, emulator.now() + offset));
    const wrong = ['000000', '111111', '222222', '333333'].find((candidate) => !valid.includes(candidate)) ?? '';
    const wrongError = await errorOf(client.send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: wrong })));
    expect(wrongError.name).toBe('AccessDenied');
  });

  it('accepts the codes of the next and previous window once each, as AWS does for drifting phones', async () => {
    const client = sts(emulator, DEV_KEYS);
    for (const offset of [30_000, -30_000]) {
      const code = emulator.totp(MFA_SERIAL, emulator.now() + offset);
      await expect(client.send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: code }))).resolves.toBeDefined();
    }
  });

  it('refuses a device that is not the caller’s', async () => {
    const error = await errorOf(
      sts(emulator, { accessKeyId: CI_BOT.accessKeyId, secretAccessKey: CI_BOT.secretAccessKey }).send(
        new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: emulator.totp(MFA_SERIAL) }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('associated with this user');
  });

  const denied = `User: ${DEV_ARN} is not authorized to perform: sts:AssumeRole on resource: ${DEPLOYER.arn}`;

  it.each([
    ['no external ID', { ExternalId: undefined }],
    ['a wrong external ID', { ExternalId: 'tes-external-id-9999' }],
  ])('denies AssumeRole with %s', async (_what, input) => {
    const session = await mfaSession(emulator);
    const error = await errorOf(
      sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'dev', ...input })),
    );
    expect(error).toEqual({ name: 'AccessDenied', message: denied, status: 403 });
  });

  it('denies an MFA-only role to the long-lived key, but grants it when the key passes a code', async () => {
    const client = sts(emulator, DEV_KEYS);
    const input = { RoleArn: DEPLOYER.arn, RoleSessionName: 'dev', ExternalId: EXTERNAL_ID };
    expect(await errorOf(client.send(new AssumeRoleCommand(input)))).toMatchObject({ name: 'AccessDenied', message: denied });
    const out = await client.send(new AssumeRoleCommand({ ...input, SerialNumber: MFA_SERIAL, TokenCode: emulator.totp(MFA_SERIAL) }));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/tes-deployer/dev');
  });

  it('denies a role to a user it does not trust, naming both', async () => {
    const error = await errorOf(
      sts(emulator, { accessKeyId: CI_BOT.accessKeyId, secretAccessKey: CI_BOT.secretAccessKey }).send(
        new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'bot' }),
      ),
    );
    expect(error.message).toBe(`User: arn:aws:iam::111111111111:user/ci-bot is not authorized to perform: sts:AssumeRole on resource: ${READER.arn}`);
  });

  it.each([
    ['over the role maximum', { RoleArn: DEPLOYER.arn, DurationSeconds: 7201 }, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    ['over 12 hours', { RoleArn: READER.arn, DurationSeconds: 43_201 }, "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
    ['under 15 minutes', { RoleArn: READER.arn, DurationSeconds: 899 }, "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
    ['a session name with a space', { RoleArn: READER.arn, RoleSessionName: 'dev tes' }, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'],
    ['a 65-character session name', { RoleArn: READER.arn, RoleSessionName: 'a'.repeat(65) }, 'Member must have length less than or equal to 64'],
    ['a 1-character external ID', { RoleArn: READER.arn, ExternalId: 'x' }, "at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2"],
  ])('refuses AssumeRole %s with a ValidationError', async (_what, input, message) => {
    const session = await mfaSession(emulator);
    const error = await errorOf(
      sts(emulator, session).send(new AssumeRoleCommand({ RoleSessionName: 'dev', ExternalId: EXTERNAL_ID, ...input })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
  });

  it('lets a role session chain to a trusting role for at most an hour, but not call GetSessionToken', async () => {
    const session = await mfaSession(emulator);
    const deployer = keysOf(
      (await sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'dev', ExternalId: EXTERNAL_ID })))
        .Credentials,
    );
    const client = sts(emulator, deployer);
    const tooLong = await errorOf(client.send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'chain', DurationSeconds: 3601 })));
    expect(tooLong.message).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    const chained = await client.send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'chain' }));
    expect(chained.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/tes-reader/chain');
    for (const keys of [session, deployer]) {
      const error = await errorOf(sts(emulator, keys).send(new GetSessionTokenCommand({})));
      expect(error).toEqual({ name: 'AccessDenied', message: 'Cannot call GetSessionToken with session credentials', status: 403 });
    }
  });

  it('corrects a 20-minute clock difference either way through the SDK’s own retry', async () => {
    for (const skew of [20 * 60_000, -20 * 60_000]) {
      emulator.resetCalls();
      emulator.setClockSkewMs(skew);
      const identity = await sts(emulator, DEV_KEYS).send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toBe(DEV_ARN);
      expect(emulator.calls.map((c) => [c.status, c.errorCode])).toEqual([
        [403, 'SignatureDoesNotMatch'],
        [200, undefined],
      ]);
    }
  });

  it('issues credentials whose Expiration follows the emulator clock', async () => {
    emulator.setClockSkewMs(3 * 60_000); // within the 5 minutes AWS tolerates, so no correction is needed
    const out = await sts(emulator, DEV_KEYS).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const expected = Math.floor(emulator.calls[0]!.atMs / 1000) * 1000 + 900_000;
    expect(Math.abs((out.Credentials?.Expiration?.getTime() ?? 0) - expected)).toBeLessThanOrEqual(1000);
  });
});

describe('the STS emulator with a test clock', () => {
  it('answers ExpiredToken once issued credentials pass their Expiration, with a lowered minimum', async () => {
    let clock = Date.now();
    await start({ minDurationSeconds: 20, now: () => clock });
    const session = await mfaSession(emulator, 20);
    const client = sts(emulator, session);
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: DEV_ARN });
    clock += 21_000;
    const error = await errorOf(client.send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: 'ExpiredToken', status: 403 });
    const tooShort = await errorOf(sts(emulator, DEV_KEYS).send(new GetSessionTokenCommand({ DurationSeconds: 19 })));
    expect(tooShort.message).toContain('greater than or equal to 20');
  });

  it('issues role sessions shorter than asked in test mode, keeping MFA sessions as asked', async () => {
    let clock = Date.now();
    await start({ issuedLifetimeSeconds: { roleSession: 20 }, now: () => clock });
    const session = await mfaSession(emulator, 3600);
    const out = await sts(emulator, session).send(
      new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'short', ExternalId: EXTERNAL_ID, DurationSeconds: 900 }),
    );
    const issuedAt = Math.floor(clock / 1000) * 1000;
    expect(out.Credentials?.Expiration?.getTime()).toBe(issuedAt + 20_000);
    // Expirations are whole seconds, as STS prints them.
    const lifetimes = emulator.issued().map((i) => [i.kind, i.expiresAtMs - Math.floor(i.issuedAtMs / 1000) * 1000]);
    expect(lifetimes).toEqual([
      ['user-session', 3_600_000],
      ['role-session', 20_000],
    ]);
    const role = sts(emulator, keysOf(out.Credentials));
    await expect(role.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    clock += 20_000;
    expect(await errorOf(role.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'ExpiredToken', status: 403 });
    // Asking for less than the minimum is still refused: the cap does not loosen validation.
    const tooShort = await errorOf(
      sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'x', ExternalId: EXTERNAL_ID, DurationSeconds: 20 })),
    );
    expect(tooShort.message).toContain('greater than or equal to 900');
  });

  it('carries 8 KB session tokens when asked for them', async () => {
    await start({ sessionTokenLength: 8192 });
    const session = await mfaSession(emulator);
    expect(session.sessionToken).toHaveLength(8192);
    const role = keysOf(
      (await sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'big' }))).Credentials,
    );
    expect(role.sessionToken).toHaveLength(8192);
    await expect(sts(emulator, role).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });
});

describe('the STS emulator with role chains, as AWS', () => {
  // A role that would allow 12 h to a direct caller, trusted by the deployer role.
  const LONG = { arn: 'arn:aws:iam::222222222222:role/tes-long', trustedUsers: [DEV_ARN, DEPLOYER.arn], maxSessionDuration: 43_200 };

  // One MFA session per test: a code is accepted once.
  async function deployerSession(e: StsEmulator, session: Keys, durationSeconds?: number): Promise<Keys> {
    const out = await sts(e, session).send(
      new AssumeRoleCommand({ RoleArn: DEPLOYER.arn, RoleSessionName: 'dev', ExternalId: EXTERNAL_ID, DurationSeconds: durationSeconds }),
    );
    return keysOf(out.Credentials);
  }

  it('caps a chained session at 1 h even where the role allows 12 h, and gives 1 h when no duration is asked', async () => {
    await start({ roles: [DEPLOYER, READER, LONG] });
    const session = await mfaSession(emulator);
    const client = sts(emulator, await deployerSession(emulator, session));
    const direct = await sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: LONG.arn, RoleSessionName: 'direct', DurationSeconds: 43_200 }));
    expect(direct.Credentials?.Expiration).toBeDefined();
    const tooLong = await errorOf(client.send(new AssumeRoleCommand({ RoleArn: LONG.arn, RoleSessionName: 'chain', DurationSeconds: 3601 })));
    expect(tooLong).toEqual({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      status: 400,
    });
    const before = Math.floor(emulator.now() / 1000) * 1000;
    const chained = await client.send(new AssumeRoleCommand({ RoleArn: LONG.arn, RoleSessionName: 'chain' }));
    expect((chained.Credentials?.Expiration?.getTime() ?? 0) - before).toBeGreaterThanOrEqual(3600_000);
    expect((chained.Credentials?.Expiration?.getTime() ?? 0) - before).toBeLessThan(3602_000);
    const identity = await sts(emulator, keysOf(chained.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:sts::222222222222:assumed-role/tes-long/chain');
  });

  it('refuses a chained call signed with a source session that has ended, and a role that does not trust the source role', async () => {
    let clock = Date.now();
    await start({ roles: [DEPLOYER, READER, LONG], minDurationSeconds: 20, now: () => clock });
    const session = await mfaSession(emulator);
    const deployer = await deployerSession(emulator, session, 900);
    const reader = keysOf((await sts(emulator, session).send(new AssumeRoleCommand({ RoleArn: READER.arn, RoleSessionName: 'rd' }))).Credentials);
    const untrusting = await errorOf(sts(emulator, reader).send(new AssumeRoleCommand({ RoleArn: LONG.arn, RoleSessionName: 'chain' })));
    expect(untrusting).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(untrusting.message).toContain('assumed-role/tes-reader/rd is not authorized to perform: sts:AssumeRole');
    clock += 901_000;
    const ended = await errorOf(sts(emulator, deployer).send(new AssumeRoleCommand({ RoleArn: LONG.arn, RoleSessionName: 'chain' })));
    expect(ended).toMatchObject({ name: 'ExpiredToken', status: 403 });
  });
});
