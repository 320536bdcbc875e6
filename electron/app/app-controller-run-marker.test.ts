// The quit-time cleanup when quit never ran (a crash, a Windows logoff that skipped the quit
// sequence): the next start of the tray finishes it, before renewal starts.

import { describe, expect, it } from 'vitest';
import type { RunMarker } from '../core/ports.js';
import { saveIdentityKey } from '../core/identity-keys.js';
import { AppController } from './app-controller.js';
import { dispatchRequest } from './ipc-dispatch.js';
import { CONTROLLER_PATHS, controllerRig } from './testing/controller-rig.js';

const SECRET = 'fake-secret-dev-000000000000000000000001';
const IDENTITY = { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' };

class MemoryMarker implements RunMarker {
  present = false;
  exists = () => Promise.resolve(this.present);
  write = () => Promise.resolve(void (this.present = true));
  remove = () => Promise.resolve(void (this.present = false));
}

async function runThatNeverQuits(onQuit: 'keep' | 'remove', marker: MemoryMarker) {
  const rig = await controllerRig(
    {
      version: 1,
      identities: [IDENTITY],
      roles: [{ name: 'tes', env: 'tes', identity: 'dev', mfa: false, roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
      preferences: { onQuit },
    },
    { runMarker: marker },
  );
  await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, SECRET);
  await rig.controller.start();
  expect(await dispatchRequest(rig.controller.handlers, 'session:activate', { role: 'tes' })).toMatchObject({ ok: true });
  expect(rig.files.text(CONTROLLER_PATHS.credentials)).toContain('[tes]');
  rig.engine.stop();
  return rig;
}

describe('AppController run marker', () => {
  it('after an exit without quit, the next start removes the profiles the preference says to remove', async () => {
    const marker = new MemoryMarker();
    const rig = await runThatNeverQuits('remove', marker);
    expect(marker.present).toBe(true);
    const next = new AppController({ services: rig.services, clock: rig.time, timers: rig.time, shell: rig.shell, systemLocale: 'en-US', runMarker: marker });
    await next.start();
    expect(rig.files.text(CONTROLLER_PATHS.credentials)).not.toContain('[tes]');
    rig.engine.stop();
  });

  it('with the preference keep, the next start leaves them', async () => {
    const marker = new MemoryMarker();
    const rig = await runThatNeverQuits('keep', marker);
    const next = new AppController({ services: rig.services, clock: rig.time, timers: rig.time, shell: rig.shell, systemLocale: 'en-US', runMarker: marker });
    await next.start();
    expect(rig.files.text(CONTROLLER_PATHS.credentials)).toContain('[tes]');
    rig.engine.stop();
  });

  it('a clean quit removes the marker after its cleanup', async () => {
    const marker = new MemoryMarker();
    const rig = await runThatNeverQuits('remove', marker);
    await rig.controller.shutdown();
    expect(marker.present).toBe(false);
    expect(rig.files.text(CONTROLLER_PATHS.credentials)).not.toContain('[tes]');
  });
});
