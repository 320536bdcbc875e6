import { beforeEach, describe, expect, it } from 'vitest';
import { activateRole } from './activation.js';
import { AwsProfileStore } from './credentials-file/aws-profile-store.js';
import { StsTrayError } from './errors.js';
import { saveIdentityKey } from './identity-keys.js';
import { mfaSessionItem } from './keychain-items.js';
import { appConfigSchema, type AppConfig } from './model.js';
import { SessionService } from './sessions.js';
import { FakeStsBroker } from './testing/fake-sts-broker.js';
import { MemoryFileStore } from './testing/memory-file-store.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';

const PATHS = { credentials: '/home/u/.aws/credentials', config: '/home/u/.aws/config' };

const config: AppConfig = appConfigSchema.parse({
  version: 1,
  identities: [
    { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev', region: 'ap-northeast-1' },
    { name: 'ci', accessKeyId: 'AKIAFAKEFAKEFAKE0002' },
  ],
  roles: [
    { name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer', externalId: 'ext-tes', mfa: true },
    { name: 'stg', env: 'stg', identity: 'dev', roleArn: 'arn:aws:iam::333333333333:role/stg-deployer', mfa: true, mirrorDefault: true },
    { name: 'ci-tes', identity: 'ci', roleArn: 'arn:aws:iam::222222222222:role/ci', region: 'eu-west-1' },
  ],
});

describe('SessionService', () => {
  let now: number;
  let sts: FakeStsBroker;
  let secrets: MemorySecretStore;
  let files: MemoryFileStore;
  let sessions: SessionService;
  let profiles: AwsProfileStore;

  const make = () =>
    new SessionService({
      config: () => config,
      secrets,
      sts,
      clock: { now: () => now },
    });

  beforeEach(async () => {
    now = Date.UTC(2026, 10, 22, 9, 0, 0);
    const clock = { now: () => now };
    sts = new FakeStsBroker(clock);
    secrets = new MemorySecretStore();
    files = new MemoryFileStore();
    for (const identity of config.identities) await saveIdentityKey(secrets, identity, `fake-secret-${identity.name}-000000`);
    profiles = new AwsProfileStore(files, PATHS);
    sessions = make();
  });

  it('asks for a code (needs-mfa) when an MFA role has no MFA session, and calls nothing', async () => {
    await expect(activateRole({ sessions, profiles }, 'tes')).rejects.toMatchObject({ code: 'needs-mfa' });
    expect(sts.calls).toEqual([]);
    expect(files.text(PATHS.credentials)).toBeNull();
  });

  it('one code starts the MFA session; later roles of the identity need none', async () => {
    const tes = await activateRole({ sessions, profiles }, 'tes', '123456');
    expect(tes.profiles).toEqual(['tes']);
    await activateRole({ sessions, profiles }, 'stg');
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    const [gst, assumeTes] = sts.calls;
    expect(gst?.input).toMatchObject({ serialNumber: 'arn:aws:iam::111111111111:mfa/dev', tokenCode: '123456', durationSeconds: 43_200 });
    expect(assumeTes?.input).toMatchObject({ externalId: 'ext-tes', region: 'ap-northeast-1', roleSessionName: 'sts-tray-dev' });
    // AssumeRole used the MFA session, not the long-lived key.
    expect(assumeTes?.input.credentials.accessKeyId).toMatch(/^ASIA/);
  });

  it('a restarted process reuses the MFA session from the keychain', async () => {
    await sessions.startMfaSession('dev', '123456');
    const restarted = make();
    await activateRole({ sessions: restarted, profiles }, 'tes');
    expect(sts.count('GetSessionToken')).toBe(1);
    expect(await secrets.get(mfaSessionItem('dev'))).toContain('ASIA');
  });

  it('concurrent requests share one GetSessionToken and one AssumeRole', async () => {
    let release: () => void = () => undefined;
    sts.gate = new Promise<void>((resolve) => (release = resolve));
    const first = sessions.roleSession('tes', { mfaCode: '123456' });
    const second = sessions.roleSession('tes');
    await Promise.resolve();
    sts.gate = null;
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.credentials).toBe(b.credentials);
    expect(sts.count('GetSessionToken')).toBe(1);
    expect(sts.count('AssumeRole')).toBe(1);
  });

  it('a code given while the MFA session still runs starts a new one (answering the end-of-session warning)', async () => {
    const first = await sessions.startMfaSession('dev', '123456');
    now += 12 * 3600_000 - 5 * 60_000;
    const second = await sessions.startMfaSession('dev', '654321');
    expect(sts.count('GetSessionToken')).toBe(2);
    expect(second.expiresAt).toBeGreaterThan(first.expiresAt);
    await activateRole({ sessions, profiles }, 'tes');
    expect(sts.calls.at(-1)?.input.credentials.accessKeyId).toBe(second.accessKeyId);
  });

  it('never sends the same code twice, and an invalid code leaves no session', async () => {
    sts.validCodes = new Set(['654321']);
    await expect(activateRole({ sessions, profiles }, 'tes', '123456')).rejects.toMatchObject({ code: 'invalid-mfa' });
    await expect(activateRole({ sessions, profiles }, 'tes', '123456')).rejects.toThrow(/already used/);
    expect(sts.count('GetSessionToken')).toBe(1);
    await activateRole({ sessions, profiles }, 'tes', '654321');
    expect(sts.count('GetSessionToken')).toBe(2);
  });

  it('mirrors to [default] and writes region into the config file', async () => {
    await activateRole({ sessions, profiles }, 'stg', '123456');
    const credentials = files.text(PATHS.credentials) ?? '';
    expect(credentials).toMatch(/\[stg\][\s\S]*\[default\]/);
    expect(files.text(PATHS.config)).toMatch(/\[profile stg\][\s\S]*region = ap-northeast-1/);
    expect(files.writes.filter((w) => w.path === PATHS.credentials)).toHaveLength(1);
  });

  it('roles without MFA assume from the long-lived key, in the role region', async () => {
    await activateRole({ sessions, profiles }, 'ci-tes');
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]?.input).toMatchObject({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE0002' } });
  });

  it('reuses a role session with more than the renewal lead left, renews one with less', async () => {
    await activateRole({ sessions, profiles }, 'tes', '123456');
    now += 50 * 60_000; // 10 min left of 60: above the 5 min lead
    await activateRole({ sessions, profiles }, 'tes');
    expect(sts.count('AssumeRole')).toBe(1);
    now += 6 * 60_000; // 4 min left
    await activateRole({ sessions, profiles }, 'tes');
    expect(sts.count('AssumeRole')).toBe(2);
  });

  it('an ended MFA session asks for a new code instead of failing obscurely', async () => {
    await sessions.startMfaSession('dev', '123456');
    sts.failNext('AssumeRole', 'expired');
    await expect(activateRole({ sessions, profiles }, 'tes')).rejects.toMatchObject({ code: 'needs-mfa' });
    expect(await secrets.get(mfaSessionItem('dev'))).toBeNull();
  });

  it('an MFA session past its end is not used', async () => {
    await sessions.startMfaSession('dev', '123456');
    now += 12 * 3600_000;
    await expect(activateRole({ sessions: make(), profiles }, 'tes')).rejects.toMatchObject({ code: 'needs-mfa' });
  });

  it('a key deleted from the keychain outside the app is reported, not used', async () => {
    await secrets.delete('identity:ci');
    await expect(activateRole({ sessions, profiles }, 'ci-tes')).rejects.toMatchObject({ code: 'keychain-item-changed' });
    expect(sts.calls).toEqual([]);
  });

  it('an unavailable keychain is a clear error, never a fallback', async () => {
    secrets.unavailable = true;
    const error = await activateRole({ sessions, profiles }, 'ci-tes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StsTrayError);
    expect(error).toMatchObject({ code: 'keychain-unavailable' });
    expect(files.writes).toEqual([]);
  });

  it('unknown roles name the roles that exist', async () => {
    await expect(activateRole({ sessions, profiles }, 'nope')).rejects.toThrow(/no role named "nope" \(roles: tes, stg, ci-tes\)/);
  });
});
