// What happens to credentials in the file when renewal is impossible:
// the `onExpired` preference. Default 'keep': AWS tools then fail loudly with
// ExpiredToken instead of silently falling back to other credentials (maybe another
// account's [default]); 'remove' takes our section out for users who prefer that.

import { describe, expect, it } from 'vitest';
import { StsTrayError } from '../errors.js';
import { appConfigSchema, type AppConfig } from '../model.js';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { RIG_PATHS as PATHS, renewalRig } from '../testing/renewal-rig.js';

const FOREIGN = '[default]\naws_access_key_id = AKIAFOREIGN000000001\naws_secret_access_key = foreign-secret\n';

async function expireWith(onExpired: 'keep' | 'remove') {
  const config = appConfigSchema.parse({
    version: 1,
    identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }],
    roles: [{ name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
    preferences: { onExpired },
  });
  const files = new MemoryFileStore();
  files.setText(PATHS.credentials, FOREIGN);
  const { time, sts, engine, events, settle } = await renewalRig(() => config, files);
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
    let config: AppConfig = appConfigSchema.parse({
      version: 1,
      identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }],
      roles: [{ name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
    });
    let broken = false;
    const { time, engine, events, settle } = await renewalRig(() => {
      if (broken) throw new StsTrayError('config-invalid', 'config.json: is not valid JSON');
      return config;
    });
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
