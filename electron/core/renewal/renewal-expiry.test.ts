// What happens to credentials in the file when renewal is impossible (issue 3, item 7):
// the `onExpired` preference. Default 'keep': AWS tools then fail loudly with
// ExpiredToken instead of silently falling back to other credentials (maybe another
// account's [default]); 'remove' takes our section out for users who prefer that.

import { describe, expect, it } from 'vitest';
import { AwsProfileStore } from '../credentials-file/aws-profile-store.js';
import { StsTrayError } from '../errors.js';
import { saveIdentityKey } from '../identity-keys.js';
import { appConfigSchema } from '../model.js';
import { SessionService } from '../sessions.js';
import { FakeStsBroker } from '../testing/fake-sts-broker.js';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { MemorySecretStore } from '../testing/memory-secret-store.js';
import { VirtualTime, flush } from '../testing/virtual-time.js';
import type { RenewalEvent } from './renewal-events.js';
import { RenewalEngine } from './renewal-engine.js';

const PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config' };
const FOREIGN = '[default]\naws_access_key_id = AKIAFOREIGN000000001\naws_secret_access_key = foreign-secret\n';

async function expireWith(onExpired: 'keep' | 'remove') {
  const time = new VirtualTime(Date.UTC(2026, 10, 23, 9));
  const config = appConfigSchema.parse({
    version: 1,
    identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }],
    roles: [{ name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
    preferences: { onExpired },
  });
  const sts = new FakeStsBroker(time);
  const secrets = new MemorySecretStore();
  const files = new MemoryFileStore();
  files.setText(PATHS.credentials, FOREIGN);
  await saveIdentityKey(secrets, config.identities[0]!, 'fake-secret-dev-000000000');
  const profiles = new AwsProfileStore(files, PATHS);
  const sessions = new SessionService({ config: () => config, secrets, sts, profiles, clock: time });
  const engine = new RenewalEngine({ sessions, profiles, config: () => config, clock: time, timers: time, random: () => 0 });
  const events: RenewalEvent[] = [];
  engine.on((e) => events.push(e));
  const settle = async () => {
    await flush();
    await engine.idle();
  };
  await engine.activate('tes');
  // The key was deactivated in IAM: the renewal is refused, a fatal error, not retried.
  sts.failNext('AssumeRole', 'invalid-key');
  await time.advance(2 * 3_600_000, settle);
  return { engine, events, text: files.text(PATHS.credentials) ?? '', sts };
}

describe('credentials that cannot be renewed', () => {
  it("'keep' (default): the profile stays, the role is failed, and an expired event is sent once", async () => {
    const { engine, events, text, sts } = await expireWith('keep');
    expect(text.startsWith(FOREIGN)).toBe(true);
    expect(text).toContain('[tes]');
    expect(events.filter((e) => e.type === 'expired')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'failed')).toMatchObject([{ role: 'tes', code: 'invalid-key', retryAt: null }]);
    expect(engine.state().roles[0]?.status).toBe('failed');
    expect(sts.count('AssumeRole')).toBe(2); // the first assume and one refused renewal: no retry storm
  });

  it("'remove': our section is taken out when the credentials expire, nothing else changes", async () => {
    const { events, text } = await expireWith('remove');
    expect(events.filter((e) => e.type === 'expired')).toHaveLength(1);
    expect(text).toBe(FOREIGN);
  });
});

describe('a wave that cannot run at all', () => {
  it('reports it and tries again a minute later, not in a loop', async () => {
    const time = new VirtualTime(Date.UTC(2026, 10, 23, 9));
    let config = appConfigSchema.parse({
      version: 1,
      identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }],
      roles: [{ name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
    });
    let broken = false;
    const readConfig = () => {
      if (broken) throw new StsTrayError('config-invalid', 'config.json: is not valid JSON');
      return config;
    };
    const sts = new FakeStsBroker(time);
    const secrets = new MemorySecretStore();
    const files = new MemoryFileStore();
    await saveIdentityKey(secrets, config.identities[0]!, 'fake-secret-dev-000000000');
    const profiles = new AwsProfileStore(files, PATHS);
    const sessions = new SessionService({ config: readConfig, secrets, sts, profiles, clock: time });
    const engine = new RenewalEngine({ sessions, profiles, config: readConfig, clock: time, timers: time, random: () => 0 });
    const events: RenewalEvent[] = [];
    engine.on((e) => events.push(e));
    const settle = async () => {
      await flush();
      await engine.idle();
    };
    await engine.activate('tes');
    broken = true;
    const callbacksBefore = time.callbacks;
    await time.advance(55 * 60_000, settle); // the renewal falls due with the config broken
    await time.advance(5 * 60_000, settle);
    const failures = events.filter((e) => e.type === 'wave-failed');
    expect(failures.length).toBeGreaterThanOrEqual(1);
    // The renewal fell due ~6.5 min before the end of these 60 min: one try a minute, no loop.
    expect(failures.length).toBeLessThanOrEqual(8);
    expect(time.callbacks - callbacksBefore).toBeLessThanOrEqual(8);
    broken = false;
    config = { ...config };
    await time.advance(60_000, settle);
    expect(events.at(-1)).toMatchObject({ type: 'renewed', role: 'tes' });
  });
});
