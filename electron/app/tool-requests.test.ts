// The tools from the window and the tray: main opens the console (the URL never comes back,
// the activity names who), rotation waits for a code the tray asks for, and the start
// notices a key past its age and a rotation left unfinished.

import { beforeEach, describe, expect, it } from 'vitest';
import { saveIdentityKey } from '../core/identity-keys.js';
import type { FakeIamKeys } from '../core/testing/fake-iam-keys.js';
import { consoleOpener } from './console-opener.js';
import { dispatchRequest } from './ipc-dispatch.js';
import { controllerRig, type ControllerRig } from './testing/controller-rig.js';

const SECRET = 'fake-secret-dev-000000000000000000000001';
const IDENTITY = { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' };
const DAY = 86_400_000;

function config(identity: Record<string, unknown> = {}) {
  return {
    version: 1,
    identities: [{ ...IDENTITY, ...identity }],
    roles: [{ name: 'tes', env: 'tes', identity: 'dev', mfa: true, roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
  };
}

async function started(identity: Record<string, unknown> = {}): Promise<ControllerRig> {
  const rig = await controllerRig(config(identity));
  await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, SECRET);
  (rig.services.tools.iam as FakeIamKeys).addKey(IDENTITY.accessKeyId, rig.time.now() - 10 * DAY, SECRET);
  await rig.controller.start();
  await rig.settle();
  return rig;
}

describe('tool requests', () => {
  let rig: ControllerRig;
  const call = (channel: string, payload: unknown) => dispatchRequest(rig.controller.handlers, channel, payload);

  beforeEach(async () => {
    rig = await started();
  });

  it('console:open: main gets the URL, the window gets who and the notices, the activity has no URL', async () => {
    expect(await call('console:open', { name: 'tes' })).toMatchObject({ ok: false, error: { code: 'needs-mfa' } });
    const opened = await call('console:open', { name: 'tes', mfaCode: '123456', destination: 's3' });
    expect(opened).toEqual({ ok: true, value: { principal: expect.stringContaining('assumed-role/tes-deployer') as string, notices: [] } });
    expect(rig.shell.consoles).toHaveLength(1);
    const url = rig.shell.consoles[0] ?? '';
    expect(new URL(url).searchParams.get('SigninToken')).toMatch(/^fake-signin-token/);
    const view = await rig.controller.view();
    expect(view.activity.find((a) => a.kind === 'console-opened')).toMatchObject({ subject: 'tes', detail: expect.stringContaining('tes-deployer') as string });
    expect(JSON.stringify([opened, view])).not.toContain('fake-signin-token');
    expect(await call('console:open', { name: 'tes', durationSeconds: 899 })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/15 minutes to 12 hours/) as string } });
  });

  it('identity:facts and identity:rotate: facts without a secret; rotation asks for a code, then reports and notifies', async () => {
    const facts = await call('identity:facts', { name: 'dev' });
    expect(facts).toMatchObject({ ok: true, value: { accessKeyIdMasked: 'AKIA…0001', ageDays: 10, keyAgeFrom: 'iam' } });
    expect(JSON.stringify(facts)).not.toContain(SECRET);

    expect(await call('identity:rotate', { name: 'dev' })).toMatchObject({ ok: false, error: { code: 'needs-mfa' } });
    const rotated = await call('identity:rotate', { name: 'dev', mfaCode: '123456' });
    expect(rotated).toMatchObject({ ok: true, value: { oldAccessKeyId: IDENTITY.accessKeyId, oldKey: 'deleted' } });
    expect(JSON.stringify(rotated)).not.toMatch(/fake-new-secret/);
    expect(rig.shell.events.map((e) => e.event.type)).toContain('key-rotated');
    expect((await rig.controller.view()).activity.find((a) => a.kind === 'key-rotated')?.subject).toBe('dev');
  });

  it("the tray's Rotate key… opens the MFA prompt when needed and rotates once the code is in", async () => {
    await rig.controller.rotateKeyNow('dev');
    await rig.settle();
    expect((await rig.controller.view()).mfaPrompt).toMatchObject({ identity: 'dev', reason: 'needs-mfa' });
    expect(await call('mfa:submit', { identity: 'dev', code: '123456' })).toMatchObject({ ok: true });
    expect((rig.services.tools.iam as FakeIamKeys).list().map((k) => k.accessKeyId)).not.toContain(IDENTITY.accessKeyId);
  });

  it("closing the prompt gives up the tray's rotation: a code given later (for a renewal) does not rotate", async () => {
    await rig.controller.rotateKeyNow('dev');
    await rig.settle();
    expect(await call('mfa:dismiss', {})).toMatchObject({ ok: true });
    expect(await call('mfa:submit', { identity: 'dev', code: '123456' })).toMatchObject({ ok: true });
    expect((rig.services.tools.iam as FakeIamKeys).list().map((k) => k.accessKeyId)).toEqual([IDENTITY.accessKeyId]);
  });
});

describe('start-time key notices', () => {
  it('notices a key older than the preference, and a rotation left unfinished with the key IAM holds that the keychain lacks', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    const rig = await controllerRig(
      config({
        keyStoredAt: new Date(now - 120 * DAY).toISOString(),
        rotation: { startedAt: new Date(now - DAY).toISOString(), replacing: IDENTITY.accessKeyId },
      }),
    );
    await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, SECRET);
    const iam = rig.services.tools.iam as FakeIamKeys;
    iam.addKey(IDENTITY.accessKeyId, now - 120 * DAY, SECRET);
    // What a crash between CreateAccessKey and the keychain write leaves: a key nobody holds.
    iam.addKey('AKIAORPHANFAKE000001', now - DAY + 5_000);
    await rig.controller.start();
    await rig.settle();
    expect(rig.shell.events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'key-old', identity: 'dev', ageDays: 120 }),
        expect.objectContaining({ type: 'rotation-interrupted', identity: 'dev', leftover: expect.stringMatching(/^AKIAORPHANFAKE000001: an interrupted rotation created this key/) as string }),
      ]),
    );
  });
});

describe('consoleOpener', () => {
  it('opens only the login URL of an allowed sign-in endpoint, and exactly the configured one when set', async () => {
    const opened: string[] = [];
    const open = consoleOpener(async (url) => {
      opened.push(url);
    }, undefined);
    await open('https://signin.amazonaws.cn/federation?Action=login&SigninToken=t&Destination=x');
    await expect(open('https://evil.example/federation?Action=login')).rejects.toThrow(/not the console login of an allowed sign-in endpoint/);
    await expect(open('http://signin.aws.amazon.com/federation?Action=login')).rejects.toThrow();
    const configured = consoleOpener(async (url) => {
      opened.push(url);
    }, 'http://127.0.0.1:4000/federation');
    await configured('http://127.0.0.1:4000/federation?Action=login&SigninToken=t');
    await expect(configured('https://signin.aws.amazon.com/federation?Action=login&SigninToken=t')).rejects.toThrow();
    expect(opened).toHaveLength(2);
    const failing = consoleOpener(() => Promise.reject(new Error('no handler for https://signin.aws.amazon.com/federation?SigninToken=secret')), undefined);
    const error = await failing('https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret').catch((e: unknown) => e as Error);
    expect(String(error)).toMatch(/could not open the browser/);
    expect(String(error)).not.toContain('secret');
  });
});
