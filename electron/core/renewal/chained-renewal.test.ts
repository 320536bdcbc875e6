// The renewal engine with role chains: sources renewed before the roles chained from them,
// in one wave and one write, and a chained role waiting for its root identity's code.

import { describe, expect, it } from 'vitest';
import { appConfigSchema, type AppConfig } from '../model.js';
import { RIG_PATHS as PATHS, renewalRig } from '../testing/renewal-rig.js';

const H = 3_600_000;
const MIN = 60_000;
const arn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

const config: AppConfig = appConfigSchema.parse({
  version: 1,
  identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
  roles: [
    { name: 'hub', identity: 'dev', roleArn: arn('222222222222', 'hub'), mfa: true },
    { name: 'admin', identity: 'dev', roleArn: arn('333333333333', 'admin'), sourceRole: 'hub' },
    { name: 'deep', identity: 'dev', roleArn: arn('444444444444', 'deep'), sourceRole: 'admin' },
  ],
});

const assumedRoles = (calls: { action: string; input: unknown }[]) =>
  calls.flatMap((c) => (c.action === 'AssumeRole' ? [c.input as { roleArn: string; credentials: { accessKeyId: string } }] : []));

describe('RenewalEngine with chained roles', () => {
  it('renews the source first in a wave, so the chained renewal is signed with the new source session', async () => {
    const { time, sts, files, engine, settle } = await renewalRig(() => config);
    // Chained ones first, so the engine's own order would put them before their sources.
    await engine.activate('deep', '123456');
    await engine.activate('admin');
    await engine.activate('hub');
    expect(sts.count('AssumeRole')).toBe(3);
    const writesBefore = files.writes.filter((w) => w.path === PATHS.credentials).length;

    await time.advance(54 * MIN, settle);
    const renewals = assumedRoles(sts.calls).slice(3);
    expect(renewals.map((r) => r.roleArn.split('/').pop())).toEqual(['hub', 'admin', 'deep']);
    // Each link signed by the session the wave just wrote for the link before it.
    const written = new TextDecoder().decode((await files.read(PATHS.credentials)).bytes ?? new Uint8Array());
    expect(renewals[1]?.credentials.accessKeyId).toBe(keyIn(written, 'hub'));
    expect(renewals[2]?.credentials.accessKeyId).toBe(keyIn(written, 'admin'));
    expect(files.writes.filter((w) => w.path === PATHS.credentials).length - writesBefore).toBe(1);
    expect(engine.state().roles.map((r) => [r.role, r.status])).toEqual([
      ['deep', 'active'],
      ['admin', 'active'],
      ['hub', 'active'],
    ]);
  });

  it('a chained role whose root MFA session ended waits for the root identity’s code, and resumes with it', async () => {
    const { time, engine, settle } = await renewalRig(() => config);
    await engine.activate('deep', '123456');
    await time.advance(13 * H, settle);
    expect(engine.state().roles).toMatchObject([{ role: 'deep', identity: 'dev', status: 'needs-mfa' }]);
    await engine.provideMfaCode('dev', '654321');
    await settle();
    expect(engine.state().roles).toMatchObject([{ role: 'deep', status: 'active', expiresAt: time.now() + H }]);
  });
});

/** The access key ID written in a profile's section. */
function keyIn(text: string, profile: string): string | undefined {
  const section = text.split(/^\[/m).find((part) => part.startsWith(`${profile}]`));
  return /^aws_access_key_id\s*=\s*(\S+)/m.exec(section ?? '')?.[1];
}
