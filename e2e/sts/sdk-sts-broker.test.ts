// The SDK STS broker against the STS emulator over loopback HTTP: the TEST-MATRIX STS rows
// that need a real wire — retries, MFA calls sent once, error mapping, clock skew, and
// STS answers that must not be trusted.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SdkStsBroker } from '../../electron/adapters/sdk-sts-broker.js';
import type { ErrorCode } from '../../electron/core/errors.js';
import { CI_BOT, DEPLOYER, DEV, EXTERNAL_ID, MFA_SERIAL, READER, fixtureOptions } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type Fault, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';

const REGION = 'ap-northeast-1';
const devKey = { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey };

describe('SdkStsBroker against the STS emulator', () => {
  let emulator: StsEmulator;
  let broker: SdkStsBroker;

  beforeAll(async () => {
    emulator = await startStsEmulator(fixtureOptions());
    broker = new SdkStsBroker({ endpoint: emulator.url });
  });
  afterEach(() => {
    emulator.clearFaults();
    emulator.setClockSkewMs(0);
    emulator.resetCalls();
  });
  afterAll(async () => {
    broker.close();
    await emulator.close();
  });

  const freshCode = () => emulator.totp(MFA_SERIAL);
  const mfaSession = async () =>
    broker.getSessionToken({ credentials: devKey, region: REGION, durationSeconds: 3600, serialNumber: MFA_SERIAL, tokenCode: freshCode() });

  it('GetSessionToken with a code, then AssumeRole from the MFA session with the external ID', async () => {
    const session = await mfaSession();
    const role = await broker.assumeRole({
      credentials: session, region: REGION, roleArn: DEPLOYER.arn, roleSessionName: 'sts-tray-dev', durationSeconds: 3600, externalId: EXTERNAL_ID,
    });
    expect(role.assumedRoleArn).toBe('arn:aws:sts::222222222222:assumed-role/tes-deployer/sts-tray-dev');
    expect(role.expiresAt - Date.now()).toBeGreaterThan(3590_000);
    const who = await broker.getCallerIdentity({ credentials: role, region: REGION });
    expect(who.arn).toBe(role.assumedRoleArn);
  });

  it.each<[string, Fault]>([
    ['a dropped connection', { kind: 'drop', action: 'GetSessionToken', afterProcessing: true }],
    ['a 503', { kind: 'server-error', action: 'GetSessionToken', status: 503, afterProcessing: true }],
  ])('%s during an MFA call is not re-sent with the same code; it asks for the next code', async (_label, fault) => {
    // A fresh emulator: each TOTP code is single use, and the shared one has seen this window's.
    const own = await startStsEmulator(fixtureOptions());
    const ownBroker = new SdkStsBroker({ endpoint: own.url });
    try {
      own.injectFault(fault);
      const error = await ownBroker
        .getSessionToken({ credentials: devKey, region: REGION, durationSeconds: 3600, serialNumber: MFA_SERIAL, tokenCode: own.totp(MFA_SERIAL) })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/wait for the next code/) });
      expect(own.calls.filter((c) => c.action === 'GetSessionToken')).toHaveLength(1);
    } finally {
      ownBroker.close();
      await own.close();
    }
  });

  it('throttling twice then OK succeeds after backoff (no MFA code involved)', async () => {
    emulator.injectFault({ kind: 'throttle', action: 'AssumeRole', times: 2 });
    const role = await broker.assumeRole({ credentials: devKey, region: REGION, roleArn: READER.arn, roleSessionName: 'reader', durationSeconds: 900 });
    expect(role.assumedRoleArn).toMatch(/assumed-role\/tes-reader\/reader$/);
    expect(emulator.calls.map((c) => c.status)).toEqual([400, 400, 200]);
  });

  it('persistent throttling ends in a throttled error after the SDK attempts', async () => {
    emulator.injectFault({ kind: 'throttle', action: 'AssumeRole', times: 10 });
    await expect(
      broker.assumeRole({ credentials: devKey, region: REGION, roleArn: READER.arn, roleSessionName: 'reader', durationSeconds: 900 }),
    ).rejects.toMatchObject({ code: 'throttled' });
    expect(emulator.calls).toHaveLength(3);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, RegExp]>([
    ['not allowed to assume (no trust)', () => broker.assumeRole({ credentials: { accessKeyId: CI_BOT.accessKeyId, secretAccessKey: CI_BOT.secretAccessKey }, region: REGION, roleArn: READER.arn, roleSessionName: 'bot', durationSeconds: 900 }), 'access-denied', /not allowed to assume/],
    ['wrong external ID', () => broker.assumeRole({ credentials: devKey, region: REGION, roleArn: DEPLOYER.arn, roleSessionName: 'x1', durationSeconds: 900, externalId: 'wrong-external-id' }), 'access-denied', /external ID/],
    ['key deleted', () => broker.getCallerIdentity({ credentials: { accessKeyId: 'AKIAFAKEDELETED00001', secretAccessKey: 'fake-secret' }, region: REGION }), 'invalid-key', /deleted or deactivated/],
    ['wrong secret', () => broker.getCallerIdentity({ credentials: { ...devKey, secretAccessKey: 'fake-secret-wrong' }, region: REGION }), 'invalid-key', /secret access key does not belong/],
  ])('%s → %s with its own message, sent once', async (_label, call, code, message) => {
    await expect(call()).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(emulator.calls).toHaveLength(1);
  });

  it.each<[string, Fault, ErrorCode]>([
    ['ExpiredToken', { kind: 'expired-token', action: 'GetCallerIdentity' }, 'expired'],
    ['RegionDisabledException', { kind: 'region-disabled', action: 'GetCallerIdentity' }, 'access-denied'],
  ])('%s → %s, not retried', async (_label, fault, code) => {
    emulator.injectFault(fault);
    await expect(broker.getCallerIdentity({ credentials: devKey, region: REGION })).rejects.toMatchObject({ code });
    expect(emulator.calls).toHaveLength(1);
  });

  it('a wrong MFA code is invalid-mfa and sent once', async () => {
    const good = emulator.totp(MFA_SERIAL);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    await expect(
      broker.getSessionToken({ credentials: devKey, region: REGION, durationSeconds: 900, serialNumber: MFA_SERIAL, tokenCode: wrong }),
    ).rejects.toMatchObject({ code: 'invalid-mfa', message: expect.stringMatching(/wait for the next code/) });
    expect(emulator.calls).toHaveLength(1);
  });

  it('a server clock 20 min ahead: signing is corrected and the expiry follows the server', async () => {
    emulator.setClockSkewMs(20 * 60_000);
    const skewed = new SdkStsBroker({ endpoint: emulator.url });
    try {
      const session = await skewed.getSessionToken({
        credentials: devKey, region: REGION, durationSeconds: 3600, serialNumber: MFA_SERIAL, tokenCode: freshCode(),
      });
      expect(Math.abs(session.serverClockOffsetMs - 20 * 60_000)).toBeLessThan(5_000);
      expect(session.expiresAt - (Date.now() + session.serverClockOffsetMs)).toBeGreaterThan(3590_000);
      expect(emulator.calls.map((c) => c.errorCode ?? 'ok')).toEqual(['SignatureDoesNotMatch', 'ok']);
    } finally {
      skewed.close();
    }
  });

  it('refuses bad input locally: nothing is sent', async () => {
    await expect(
      broker.assumeRole({ credentials: devKey, region: REGION, roleArn: READER.arn, roleSessionName: 'has space', durationSeconds: 900 }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      broker.getSessionToken({ credentials: devKey, region: REGION, durationSeconds: 129_601, serialNumber: MFA_SERIAL, tokenCode: '123456' }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(emulator.calls).toEqual([]);
  });
});

describe('SdkStsBroker distrusts what STS answers', () => {
  let server: Server;
  let url: string;
  let expiration: string | null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const exp = expiration === null ? '' : `<Expiration>${expiration}</Expiration>`;
        res.writeHead(200, { 'content-type': 'text/xml', date: new Date().toUTCString() });
        res.end(
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
            `<AccessKeyId>ASIAFAKEFAKEFAKE0001</AccessKeyId><SecretAccessKey>fake-secret</SecretAccessKey>` +
            `<SessionToken>fake-token</SessionToken>${exp}</Credentials>` +
            `<AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/r/s</Arn><AssumedRoleId>AROAFAKE:s</AssumedRoleId></AssumedRoleUser>` +
            `</AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['missing', null, 'validation', /without a readable expiration/],
    ['unparseable', 'not-a-date', 'validation', /./],
    ['already past', '2001-01-01T00:00:00Z', 'expired', /already expired/],
  ] as const)('an Expiration %s → nothing returned, a clear error', async (_label, value, code, message) => {
    expiration = value;
    const broker = new SdkStsBroker({ endpoint: url, maxAttempts: 1 });
    await expect(
      broker.assumeRole({ credentials: devKey, region: REGION, roleArn: READER.arn, roleSessionName: 'sess', durationSeconds: 900 }),
    ).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    broker.close();
  });
});
