// The window's requests with chained roles: saved without an identity of their own, switched
// to like any role, and a source role that cannot be removed while others chain from it.

import { beforeEach, describe, expect, it } from 'vitest';
import { saveIdentityKey } from '../core/identity-keys.js';
import { dispatchRequest } from './ipc-dispatch.js';
import { CONTROLLER_PATHS, controllerRig, type ControllerRig } from './testing/controller-rig.js';

const IDENTITY = { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' };

describe('AppController with chained roles', () => {
  let rig: ControllerRig;
  const call = (channel: string, payload: unknown) => dispatchRequest(rig.controller.handlers, channel, payload);

  beforeEach(async () => {
    rig = await controllerRig({
      version: 1,
      identities: [IDENTITY],
      roles: [{ name: 'tes', env: 'tes', identity: 'dev', mfa: true, roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
    });
    await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, 'fake-secret-dev-000000000000000000000001');
    await rig.controller.start();
    await rig.settle();
  });

  it('saves a chained role, asks the root identity’s code for it, and keeps its source while it exists', async () => {
    const saved = await call('role:save', {
      role: { name: 'audit', identity: 'dev', sourceRole: 'tes', roleArn: 'arn:aws:iam::444444444444:role/audit' },
    });
    expect(saved).toMatchObject({ ok: true, value: { role: { name: 'audit', sourceRole: 'tes', identity: 'dev', mfa: false } } });

    expect(await call('session:activate', { role: 'audit' })).toMatchObject({ ok: false, error: { code: 'needs-mfa' } });
    expect(await call('session:activate', { role: 'audit', mfaCode: '123456' })).toMatchObject({ ok: true, value: { role: 'audit' } });
    expect(await call('session:activate', { role: 'tes' })).toMatchObject({ ok: true });
    expect(rig.sts.count('GetSessionToken')).toBe(1);
    const view = await rig.controller.view();
    expect(view.roles.map((r) => [r.role.name, r.status])).toEqual([
      ['tes', 'active'],
      ['audit', 'active'],
    ]);

    const refused = await call('role:remove', { name: 'tes' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('role "tes" is the source role of "audit"') } });
    expect(rig.files.text(CONTROLLER_PATHS.appConfig)).toContain('"tes"');
    // Both keep being renewed: the refusal came before renewal stopped.
    expect(rig.engine.state().roles.map((r) => r.role).sort()).toEqual(['audit', 'tes']);
  });

  it('refuses a chained duration over 1 h at the field', async () => {
    const result = await call('role:save', {
      role: { name: 'audit', identity: 'dev', sourceRole: 'tes', roleArn: 'arn:aws:iam::444444444444:role/audit', durationSeconds: 7200 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'role.durationSeconds', message: expect.stringContaining('1 h') } });
  });
});
