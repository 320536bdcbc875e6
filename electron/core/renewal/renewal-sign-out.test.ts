// A sign-out by another process (`sts-tray logout` in a terminal while the tray or `watch`
// runs): the engine follows the credentials file, so a signed-out role is never written back
// and never asks for a code; a profile the engine itself removed (onExpired 'remove') is not
// a sign-out.

import { describe, expect, it } from 'vitest';
import { AwsProfileStore } from '../credentials-file/aws-profile-store.js';
import { appConfigSchema, type AppConfig } from '../model.js';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { RIG_PATHS as PATHS, renewalRig } from '../testing/renewal-rig.js';

const MIN = 60_000;

function configWith(preferences: Record<string, unknown> = {}): AppConfig {
  return appConfigSchema.parse({
    version: 1,
    identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
    roles: ['tes', 'stg'].map((env, i) => ({
      name: env, env, identity: 'dev', mfa: true, roleArn: `arn:aws:iam::${String(i + 2).repeat(12)}:role/${env}-deployer`,
    })),
    preferences,
  });
}

/** What another sts-tray process does to the shared file on `logout NAME`. */
const elsewhere = (files: MemoryFileStore) => new AwsProfileStore(files, PATHS);

describe('a sign-out elsewhere', () => {
  it('is followed at the next renewal: the role is not renewed, not written back, and asks for nothing', async () => {
    const config = configWith();
    const files = new MemoryFileStore();
    const { time, sts, engine, events, settle } = await renewalRig(() => config, files);
    await engine.activate('tes', '123456');
    await engine.activate('stg');
    await elsewhere(files).remove(['tes']);
    const writes = files.writes.length;

    await time.advance(54 * MIN, settle);

    expect(events.filter((e) => e.type === 'signed-out')).toMatchObject([{ role: 'tes', identity: 'dev' }]);
    expect(engine.state().roles.map((r) => r.role)).toEqual(['stg']);
    expect(sts.log.filter((l) => l.call.action === 'AssumeRole').map((l) => (l.call.action === 'AssumeRole' ? l.call.input.roleArn : null))).toEqual([
      'arn:aws:iam::222222222222:role/tes-deployer',
      'arn:aws:iam::333333333333:role/stg-deployer',
      'arn:aws:iam::333333333333:role/stg-deployer',
    ]);
    expect(files.writes.length).toBe(writes + 1);
    expect(files.text(PATHS.credentials)).not.toContain('[tes]');
    expect(files.text(PATHS.credentials)).toContain('[stg]');
    expect(events.filter((e) => e.type === 'failed')).toEqual([]);
  });

  it('is found at once by followStore (the heartbeat); with no role left, the MFA session is no longer warned about', async () => {
    const config = configWith();
    const files = new MemoryFileStore();
    const { time, engine, events, settle } = await renewalRig(() => config, files);
    await engine.activate('tes', '123456');
    await elsewhere(files).removeAllOwned();

    expect(await engine.followStore()).toEqual(['tes']);
    expect(await engine.followStore()).toEqual([]);
    expect(engine.state()).toEqual({ roles: [], mfaSessions: [] });
    await time.advance(13 * 60 * MIN, settle);
    expect(events.filter((e) => e.type === 'mfa-expiring' || e.type === 'failed' || e.type === 'renewed')).toEqual([]);
  });

  it('a role switched to again after its sign-out is renewed again', async () => {
    const config = configWith();
    const files = new MemoryFileStore();
    const { time, sts, engine, events, settle } = await renewalRig(() => config, files);
    await engine.activate('tes', '123456');
    await elsewhere(files).remove(['tes']);
    expect(await engine.followStore()).toEqual(['tes']);
    await engine.activate('tes'); // the live session is reused and written again
    expect(files.text(PATHS.credentials)).toContain('[tes]');
    await time.advance(54 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: 'renewed', role: 'tes' });
  });

  it("a profile the engine removed itself (onExpired 'remove') is written again when the renewal succeeds later", async () => {
    const config = configWith({ onExpired: 'remove' });
    const files = new MemoryFileStore();
    const { time, sts, engine, events, settle } = await renewalRig(() => config, files);
    await engine.activate('tes', '123456');
    // The network is gone past the session's end: renewals retry with backoff, and the
    // expired profile is taken out.
    const offline = sts.failWhen((call) => (call.action === 'AssumeRole' ? 'network' : null));
    await time.advance(61 * MIN, settle);
    expect(events.some((e) => e.type === 'expired')).toBe(true);
    expect(files.text(PATHS.credentials) ?? '').not.toContain('[tes]');
    offline();
    await time.advance(30 * MIN, settle);
    expect(events.filter((e) => e.type === 'signed-out')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'renewed', role: 'tes' });
    expect(files.text(PATHS.credentials)).toContain('[tes]');
  });
});
