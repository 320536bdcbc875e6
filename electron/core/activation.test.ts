// The one activation path reports the expiry by our clock whatever STS's clock says: the
// tray, `sts-tray assume` and `watch` all print this value, so they cannot disagree.

import { describe, expect, it } from 'vitest';
import { composeServices } from './compose-services.js';
import { saveIdentityKey } from './identity-keys.js';
import { appConfigSchema } from './model.js';
import { FakeStsBroker } from './testing/fake-sts-broker.js';
import { FakeIamKeys } from './testing/fake-iam-keys.js';
import { FakeConsoleSignin, FakeStsTools } from './testing/fake-sts-tools.js';
import { virtualWait } from './testing/virtual-wait.js';
import { MemoryFileStore } from './testing/memory-file-store.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';
import { VirtualTime } from './testing/virtual-time.js';

const PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config' };
const CONFIG = {
  version: 1,
  identities: [{ name: 'ci', accessKeyId: 'AKIAFAKEFAKEFAKE0002' }],
  roles: [{ name: 'tes', env: 'tes', identity: 'ci', roleArn: 'arn:aws:iam::222222222222:role/tes-ci', durationSeconds: 3600 }],
};

async function servicesWithSkew(offsetMs: number) {
  const time = new VirtualTime(Date.UTC(2026, 10, 23, 9, 0, 0));
  const files = new MemoryFileStore();
  files.setText('/h/app/config.json', JSON.stringify(CONFIG));
  const sts = new FakeStsBroker(time);
  sts.serverClockOffsetMs = offsetMs;
  const secrets = new MemorySecretStore();
  const reads: string[] = [];
  const get = secrets.get.bind(secrets);
  secrets.get = (account) => {
    reads.push(account);
    return get(account);
  };
  const config = appConfigSchema.parse(CONFIG);
  for (const identity of config.identities) await saveIdentityKey(secrets, identity, 'fake-secret-ci-0000000000000');
  const services = composeServices({ files, secrets, sts, clock: time, timers: time, random: () => 0, configPath: '/h/app/config.json', awsFiles: PATHS, tools: { stsTools: new FakeStsTools(time), iam: new FakeIamKeys(time), signin: new FakeConsoleSignin(), wait: virtualWait(time) } });
  return { time, services, reads };
}

describe('activateRole through engine.activate', () => {
  it.each([
    ['STS 20 min ahead', 20 * 60_000],
    ['STS 20 min behind', -20 * 60_000],
    ['clocks agree', 0],
  ])('%s: the expiry is one hour from now by our clock, and the engine tracks the same moment', async (_label, offset) => {
    const { time, services } = await servicesWithSkew(offset);
    const activation = await services.engine.activate('tes');
    expect(activation.expiresAt).toBe(time.now() + 3_600_000);
    expect(services.engine.state().roles[0]?.expiresAt).toBe(activation.expiresAt);
    // The file keeps what STS stated (AWS tools read it), the shells show ours.
    expect(activation.session.credentials.expiresAt).toBe(time.now() + offset + 3_600_000);
    expect(activation.profiles).toEqual(['tes']);
    services.close();
  });
});

describe('engine.activate for an identity without an MFA device', () => {
  it('reads its key from the keychain and nothing else (no MFA session to look for)', async () => {
    const { services, reads } = await servicesWithSkew(0);
    await services.engine.activate('tes');
    expect(reads).toEqual(['identity:ci']);
    services.close();
  });
});
