// The adapters behind the tools against the emulator over loopback HTTP: IAM's key calls
// (signed by us, parsed from IAM's XML), the SDK broker's tool calls, and the console's
// federation endpoint — each failure mapped to its own code and sentence.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FederationConsoleSignin } from '../../electron/adapters/federation-console-signin.js';
import { QueryIamKeys } from '../../electron/adapters/query-iam-keys.js';
import { SdkStsBroker } from '../../electron/adapters/sdk-sts-broker.js';
import { errorOf } from '../../electron/core/testing/error-of.js';
import { DEV, HUB_ACCOUNT, MFA_SERIAL, READER, TES_ACCOUNT, fixtureOptions } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';

const REGION = 'ap-northeast-1';
const devKey = { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey };

describe('toolbox adapters against the emulator', () => {
  let emulator: StsEmulator;
  let broker: SdkStsBroker;
  let iam: QueryIamKeys;
  const signin = new FederationConsoleSignin();

  beforeAll(async () => {
    emulator = await startStsEmulator(
      fixtureOptions({
        users: [{ ...DEV, keyCreatedAt: '2026-02-01T00:00:00Z', iam: { denied: ['UpdateAccessKey'] } }],
        roles: [{ ...READER, mayDecodeMessages: true }],
        foreignKeys: { AKIAFOREIGN000000009: '999999999999' },
      }),
    );
    broker = new SdkStsBroker({ endpoint: emulator.url, maxAttempts: 1 });
    iam = new QueryIamKeys({ endpoint: emulator.url, sleep: () => Promise.resolve() });
  });
  afterEach(() => emulator.clearFaults());
  afterAll(async () => {
    broker.close();
    await emulator.close();
  });

  it('lists, creates, refuses a third key, deletes, and maps NoSuchEntity, AccessDenied, throttling and a lost reply', async () => {
    const call = { credentials: devKey, region: REGION };
    expect(await iam.listAccessKeys(call)).toEqual([{ accessKeyId: DEV.accessKeyId, status: 'Active', createdAt: Date.parse('2026-02-01T00:00:00Z') }]);

    emulator.injectFault({ kind: 'throttle', action: 'ListAccessKeys', times: 2 });
    expect(await iam.listAccessKeys(call)).toHaveLength(1);

    const created = await iam.createAccessKey(call);
    expect(created.accessKeyId).toMatch(/^AKIA/);
    expect(created.secretAccessKey.length).toBeGreaterThan(20);
    const quota = await errorOf(iam.createAccessKey(call));
    expect([quota.code, quota.message]).toEqual(['conflict', expect.stringMatching(/AccessKeysPerUser: 2/)]);

    const denied = await errorOf(iam.updateAccessKey({ ...call, accessKeyId: created.accessKeyId, status: 'Inactive' }));
    expect([denied.code, denied.message]).toEqual(['access-denied', expect.stringMatching(/iam:UpdateAccessKey/)]);

    emulator.injectFault({ kind: 'drop', action: 'DeleteAccessKey', afterProcessing: true });
    const lost = await errorOf(iam.deleteAccessKey({ ...call, accessKeyId: created.accessKeyId }));
    expect([lost.code, lost.message]).toEqual(['network', expect.stringMatching(/cannot reach IAM/)]);
    const gone = await errorOf(iam.deleteAccessKey({ ...call, accessKeyId: created.accessKeyId }));
    expect([gone.code, gone.message]).toEqual(['not-found', expect.stringMatching(/cannot be found/)]);
    expect(JSON.stringify([quota, denied, lost, gone].map((e) => e.message))).not.toContain(DEV.secretAccessKey);
  });

  it('tells key accounts, issues a federation token that signs in, and decodes or refuses messages', async () => {
    expect(await broker.getAccessKeyInfo({ credentials: devKey, region: REGION, accessKeyId: 'AKIAFOREIGN000000009' })).toBe('999999999999');

    const federated = await broker.getFederationToken({ credentials: devKey, region: REGION, name: 'dev', durationSeconds: 900 });
    expect(federated.assumedRoleArn).toBe(`arn:aws:sts::${HUB_ACCOUNT}:federated-user/dev`);
    const token = await signin.getSigninToken({ endpoint: `${emulator.url}/federation`, credentials: federated });
    expect(token.length).toBeGreaterThan(20);
    const twice = await errorOf(signin.getSigninToken({ endpoint: `${emulator.url}/federation`, credentials: federated, sessionDurationSeconds: 3600 }));
    expect(twice.message).toMatch(/HTTP 400.*SessionDuration/);
    expect(twice.message).not.toContain(federated.sessionToken);

    const mfa = await broker.getSessionToken({ credentials: devKey, region: REGION, durationSeconds: 900, serialNumber: MFA_SERIAL, tokenCode: emulator.totp(MFA_SERIAL) });
    expect((await errorOf(broker.getFederationToken({ credentials: mfa, region: REGION, name: 'dev', durationSeconds: 900 }))).message).toMatch(/long-lived key/);

    const role = await broker.assumeRole({ credentials: devKey, region: REGION, roleArn: READER.arn, roleSessionName: 'decode', durationSeconds: 900 });
    const blob = emulator.encodeAuthorizationMessage({ account: TES_ACCOUNT, principalArn: 'p', action: 's3:GetObject', resource: '*' });
    const decoded = await broker.decodeAuthorizationMessage({ credentials: role, region: REGION, encodedMessage: blob });
    expect(JSON.parse('decoded' in decoded ? decoded.decoded : '{}')).toMatchObject({ allowed: false, context: { action: 's3:GetObject' } });
    const foreign = emulator.encodeAuthorizationMessage({ account: '999999999999', principalArn: 'p', action: 'a:b', resource: '*' });
    expect(await broker.decodeAuthorizationMessage({ credentials: role, region: REGION, encodedMessage: foreign })).toEqual({ invalidMessage: true });
    const noRight = await errorOf(broker.decodeAuthorizationMessage({ credentials: devKey, region: REGION, encodedMessage: blob }));
    expect([noRight.code, noRight.message]).toEqual(['access-denied', expect.stringMatching(/sts:DecodeAuthorizationMessage/)]);
  });
});
