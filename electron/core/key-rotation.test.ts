// Key rotation over in-memory IAM, STS and keychain: every step's failure leaves one working
// key in the keychain and says what IAM holds, and running it again finishes the job.

import { describe, expect, it } from 'vitest';
import { composeServices } from './compose-services.js';
import { loadIdentityKey, loadStagedKey, saveIdentityKey } from './identity-keys.js';
import { identityKeyItem } from './keychain-items.js';
import { keyFacts } from './key-facts.js';
import { rotateIdentityKey } from './key-rotation.js';
import { appConfigSchema, type AppConfig } from './model.js';
import { errorOf } from './testing/error-of.js';
import { FakeIamKeys } from './testing/fake-iam-keys.js';
import { FakeStsBroker } from './testing/fake-sts-broker.js';
import { FakeConsoleSignin, FakeStsTools } from './testing/fake-sts-tools.js';
import { virtualWait } from './testing/virtual-wait.js';
import { MemoryFileStore } from './testing/memory-file-store.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';
import { VirtualTime } from './testing/virtual-time.js';

const OLD = 'AKIAOLDFAKE000000001';
const OLD_SECRET = 'fake-secret-old-00000000000000000001';
const SERIAL = 'arn:aws:iam::111111111111:mfa/dev';

async function rig(options: { mfa?: boolean; oldKey?: 'delete' | 'deactivate' } = {}) {
  const time = new VirtualTime(Date.UTC(2026, 10, 23, 9, 0, 0));
  const files = new MemoryFileStore();
  const config = {
    version: 1,
    identities: [{ name: 'dev', accessKeyId: OLD, region: 'ap-northeast-1', ...(options.mfa === false ? {} : { mfaSerial: SERIAL }) }],
    preferences: { keys: { maxAgeDays: 90, oldKey: options.oldKey ?? 'delete' } },
  };
  files.setText('/h/app/config.json', JSON.stringify(config));
  const sts = new FakeStsBroker(time);
  const secrets = new MemorySecretStore();
  const iam = new FakeIamKeys(time);
  iam.addKey(OLD, time.now() - 200 * 86_400_000, OLD_SECRET);
  const [identity] = appConfigSchema.parse(config).identities;
  if (identity) await saveIdentityKey(secrets, identity, OLD_SECRET);
  const services = composeServices({
    files,
    secrets,
    sts,
    clock: time,
    timers: time,
    random: () => 0,
    configPath: '/h/app/config.json',
    awsFiles: { credentials: '/h/.aws/credentials', config: '/h/.aws/config' },
    tools: { stsTools: new FakeStsTools(time), iam, signin: new FakeConsoleSignin(), wait: virtualWait(time) },
  });
  const identityNow = async () => (await services.configStore.load()).identities[0] as AppConfig['identities'][number];
  /** Runs a call that waits on virtual timers, moving time on until it settles. */
  const withTime = async <T>(promise: Promise<T>): Promise<T> => {
    let done = false;
    promise.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < 200 && !done; i += 1) await time.advance(250);
    return promise;
  };
  const rotate = (code?: string) => withTime(rotateIdentityKey(services, 'dev', { mfaCode: code }));
  const inUse = async () => (await loadIdentityKey(secrets, await identityNow())).accessKeyId;
  return { time, sts, secrets, iam, services, identityNow, rotate, inUse, withTime };
}

describe('rotateIdentityKey', () => {
  it('asks for a code, then creates, stores, verifies, switches to the new key and deletes the old one', async () => {
    const { iam, sts, secrets, rotate, identityNow, inUse } = await rig();
    expect((await errorOf(rotate())).code).toBe('needs-mfa');
    const report = await rotate('123456');
    expect(report).toMatchObject({ oldAccessKeyId: OLD, oldKey: 'deleted' });
    expect(iam.list().map((k) => k.accessKeyId)).toEqual([report.newAccessKeyId]);
    expect(await inUse()).toBe(report.newAccessKeyId);
    expect(await secrets.get(identityKeyItem('dev'))).toContain(iam.secretOf(report.newAccessKeyId));
    expect(await loadStagedKey(secrets, 'dev')).toBeNull();
    expect(await identityNow()).toMatchObject({ accessKeyId: report.newAccessKeyId, keyStoredAt: expect.stringMatching(/^2026-11-23T09:00:/) as string });
    expect((await identityNow()).rotation).toBeUndefined();
    // IAM calls go with the MFA session; the new key was proven with STS before the old one went.
    expect(iam.calls.every((c) => c.callerKeyId.startsWith('ASIA'))).toBe(true);
    expect(sts.calls.filter((c) => c.action === 'GetCallerIdentity').map((c) => c.input.credentials.accessKeyId)).toEqual([report.newAccessKeyId]);
  });

  it('without an MFA device: IAM with the old key, the old key deleted with the new one', async () => {
    const { iam, rotate } = await rig({ mfa: false });
    const report = await rotate();
    expect(iam.calls.map((c) => [c.action, c.callerKeyId === OLD ? 'old' : 'new'])).toEqual([
      ['ListAccessKeys', 'old'],
      ['CreateAccessKey', 'old'],
      ['DeleteAccessKey', 'new'],
    ]);
    expect(report.oldKey).toBe('deleted');
  });

  it('deactivates the old key when the preference says so, and the next rotation deletes it', async () => {
    const { iam, rotate, identityNow } = await rig({ oldKey: 'deactivate' });
    const first = await rotate('123456');
    expect(iam.list().find((k) => k.accessKeyId === OLD)?.status).toBe('Inactive');
    expect((await identityNow()).retiredAccessKeyId).toBe(OLD);
    const second = await rotate();
    expect(second.notes.join('\n')).toMatch(/deleted AKIAOLDFAKE000000001, which the last rotation had deactivated/);
    expect(iam.list().map((k) => k.accessKeyId).sort()).toEqual([first.newAccessKeyId, second.newAccessKeyId].sort());
  });

  it('refuses when the user already has two keys, and changes nothing', async () => {
    const { iam, rotate, identityNow, inUse, time } = await rig();
    iam.addKey('AKIAOTHERFAKE0000009', time.now() - 86_400_000);
    const error = await errorOf(rotate('123456'));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already has two: AKIAOLDFAKE000000001 \(held by sts-tray\) and AKIAOTHERFAKE0000009 \(Active\).*nothing was changed/);
    expect(iam.list()).toHaveLength(2);
    expect(await inUse()).toBe(OLD);
    expect((await identityNow()).rotation).toBeUndefined();
  });

  it('network lost after IAM made the key: the old key keeps working, the orphan is found, and a rerun deletes it and rotates', async () => {
    const { iam, services, rotate, inUse } = await rig();
    iam.failNext('CreateAccessKey', 'lost-reply');
    const error = await errorOf(rotate('123456'));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/IAM may have made a new key whose secret never arrived; your key AKIAOLDFAKE000000001 still works/);
    expect(await inUse()).toBe(OLD);
    const orphan = iam.list().find((k) => k.accessKeyId !== OLD);

    const facts = await keyFacts(services, 'dev');
    expect(facts.otherKeys).toEqual([expect.objectContaining({ accessKeyId: orphan?.accessKeyId, kind: 'orphan' })]);
    expect(facts.otherKeys[0]?.advice).toMatch(/secret was never stored.*current key keeps working/);

    const report = await rotate();
    expect(report.notes.join('\n')).toMatch(/which an interrupted rotation created/);
    expect(iam.list().map((k) => k.accessKeyId)).toEqual([report.newAccessKeyId]);
  });

  it('waits out IAM propagation, and when STS never takes the key keeps the old one and finishes on the next run', async () => {
    const { sts, iam, rotate, inUse, time, secrets } = await rig();
    const start = time.now();
    const slow = sts.failWhen((call, now) => (call.action === 'GetCallerIdentity' && now < start + 6_000 ? 'invalid-key' : null));
    const report = await rotate('123456');
    expect(sts.count('GetCallerIdentity')).toBeGreaterThan(1);
    expect(await inUse()).toBe(report.newAccessKeyId);
    slow();

    const never = sts.failWhen((call) => (call.action === 'GetCallerIdentity' ? 'invalid-key' : null));
    const error = await errorOf(rotate());
    expect(error.message).toMatch(/STS did not accept it within 15 s.*still works and is still the one in use; IAM holds both/);
    expect(await inUse()).toBe(report.newAccessKeyId);
    const staged = await loadStagedKey(secrets, 'dev');
    expect(staged).not.toBeNull();
    never();
    const finished = await rotate();
    expect(finished.newAccessKeyId).toBe(staged?.accessKeyId);
    expect(finished.notes.join('\n')).toMatch(/finishing the last rotation: its new key .* is stored/);
    expect(iam.list().map((k) => k.accessKeyId)).toEqual([finished.newAccessKeyId]);
  });

  it('old key not deleted (throttled): the new key is in use, the message names the old key, and a rerun retires it', async () => {
    const { iam, rotate, inUse } = await rig();
    iam.failNext('DeleteAccessKey', 'throttled');
    const error = await errorOf(rotate('123456'));
    expect(error.message).toMatch(new RegExp(`The new key AKIANEWFAKE\\d{9} works and is in use, but IAM still has the old key ${OLD} active`));
    const now = await inUse();
    expect(now).not.toBe(OLD);
    const again = await rotate();
    expect(again).toMatchObject({ newAccessKeyId: now, oldAccessKeyId: OLD, oldKey: 'deleted' });
    expect(iam.list().map((k) => k.accessKeyId)).toEqual([now]);
  });

  it('a crash between the config switch and the keychain rewrite still leaves a working key', async () => {
    const { secrets, rotate, inUse, iam } = await rig();
    const set = secrets.set.bind(secrets);
    let failed = false;
    secrets.set = async (account, value) => {
      if (account === identityKeyItem('dev') && !failed) {
        failed = true;
        throw new Error('keychain went away');
      }
      return set(account, value);
    };
    await errorOf(rotate('123456')).catch(() => undefined);
    const now = await inUse();
    expect(now).not.toBe(OLD);
    const finished = await rotate();
    expect(finished.newAccessKeyId).toBe(now);
    expect(await secrets.get(identityKeyItem('dev'))).toContain(iam.secretOf(now));
    expect(await loadStagedKey(secrets, 'dev')).toBeNull();
  });

  it('an old key already gone from IAM (NoSuchEntity) does not fail the rotation', async () => {
    const { iam, rotate, inUse } = await rig();
    iam.failNext('DeleteAccessKey', 'not-found');
    const report = await rotate('123456');
    expect(report.oldKey).toBe('already gone');
    expect(report.notes).toEqual([`the old key ${OLD} was already gone from IAM`]);
    expect(await inUse()).toBe(report.newAccessKeyId);
  });

  it('says which step was denied and that nothing changed', async () => {
    const { iam, rotate } = await rig();
    iam.failNext('ListAccessKeys', 'access-denied');
    const error = await errorOf(rotate('123456'));
    expect(error.code).toBe('access-denied');
    expect(error.message).toMatch(/^ListAccessKeys failed: .*Rotation did not start: your key AKIAOLDFAKE000000001 still works/);
  });

  it('a keychain that refuses the new key: the key is deleted in IAM again', async () => {
    const { secrets, iam, rotate, inUse } = await rig();
    const set = secrets.set.bind(secrets);
    secrets.set = async (account, value) => (account.startsWith('identity-next:') ? Promise.reject(new Error('locked')) : set(account, value));
    const error = await errorOf(rotate('123456'));
    expect(error.message).toMatch(/keychain did not take the new key .* so it was deleted in IAM again; your key AKIAOLDFAKE000000001 still works/);
    expect(iam.list().map((k) => k.accessKeyId)).toEqual([OLD]);
    expect(await inUse()).toBe(OLD);
  });
});

describe('keyFacts', () => {
  it('tells account, user, MFA device and age, and flags a key of an unexpected account', async () => {
    const { services, time } = await rig();
    const facts = await keyFacts(services, 'dev');
    expect(facts).toMatchObject({
      accessKeyIdMasked: 'AKIA…0001',
      keyAccount: '111111111111',
      unexpectedAccount: false,
      userArn: 'arn:aws:iam::111111111111:user/dev',
      mfaSerial: SERIAL,
      keyAgeFrom: 'iam',
      ageDays: 200,
      rotationDue: true,
    });
    (services.tools.stsTools as FakeStsTools).keyAccounts.set(OLD, '999999999999');
    const foreign = await keyFacts(services, 'dev');
    expect(foreign).toMatchObject({ keyAccount: '999999999999', expectedAccounts: ['111111111111'], unexpectedAccount: true });
    expect(time.now()).toBeGreaterThan(0);
  });

  it('counts the age from when sts-tray stored the key when IAM will not list keys', async () => {
    const { services, iam, time } = await rig();
    await services.configStore.update((c) => ({ ...c, identities: c.identities.map((i) => ({ ...i, keyStoredAt: new Date(time.now() - 10 * 86_400_000).toISOString() })) }));
    iam.failNext('ListAccessKeys', 'access-denied');
    const facts = await keyFacts(services, 'dev');
    expect(facts).toMatchObject({ keyAgeFrom: 'stored', ageDays: 10, rotationDue: false });
    expect(facts.notes.join('\n')).toMatch(/key list is not available.*start one/);
  });
});
