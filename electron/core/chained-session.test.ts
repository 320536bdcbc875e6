import { beforeEach, describe, expect, it } from 'vitest';
import { activateRole } from './activation.js';
import { AwsProfileStore } from './credentials-file/aws-profile-store.js';
import { saveIdentityKey } from './identity-keys.js';
import { appConfigSchema, type AppConfig } from './model.js';
import { SessionService } from './sessions.js';
import { FakeStsBroker } from './testing/fake-sts-broker.js';
import { MemoryFileStore } from './testing/memory-file-store.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';

const PATHS = { credentials: '/home/u/.aws/credentials', config: '/home/u/.aws/config' };
const MIN = 60_000;
const arn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

const config: AppConfig = appConfigSchema.parse({
  version: 1,
  identities: [
    { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev', region: 'ap-northeast-1' },
    { name: 'ci', accessKeyId: 'AKIAFAKEFAKEFAKE0002' },
  ],
  roles: [
    { name: 'hub', identity: 'dev', roleArn: arn('222222222222', 'hub'), mfa: true, durationSeconds: 7200, externalId: 'ext-hub' },
    { name: 'admin', identity: 'dev', roleArn: arn('333333333333', 'admin'), sourceRole: 'hub', externalId: 'ext-admin' },
    { name: 'audit', identity: 'dev', roleArn: arn('444444444444', 'audit'), sourceRole: 'hub', durationSeconds: 900 },
    { name: 'deep', identity: 'dev', roleArn: arn('555555555555', 'deep'), sourceRole: 'admin' },
    { name: 'bot', identity: 'ci', roleArn: arn('222222222222', 'bot') },
    { name: 'bot-admin', identity: 'ci', roleArn: arn('333333333333', 'bot-admin'), sourceRole: 'bot' },
  ],
});

describe('a chained role’s session', () => {
  let now: number;
  let sts: FakeStsBroker;
  let secrets: MemorySecretStore;
  let files: MemoryFileStore;
  let sessions: SessionService;
  let profiles: AwsProfileStore;

  const assumed = () => sts.calls.flatMap((c) => (c.action === 'AssumeRole' ? [c.input] : []));

  beforeEach(async () => {
    now = Date.UTC(2026, 10, 22, 9, 0, 0);
    const clock = { now: () => now };
    sts = new FakeStsBroker(clock);
    secrets = new MemorySecretStore();
    files = new MemoryFileStore();
    for (const identity of config.identities) await saveIdentityKey(secrets, identity, `fake-secret-${identity.name}-000000`);
    profiles = new AwsProfileStore(files, PATHS);
    sessions = new SessionService({ config: () => config, secrets, sts, clock });
  });

  it('asks for the root identity’s code, and calls nothing, when the chain starts at an MFA role without a session', async () => {
    const error = await activateRole({ sessions, profiles }, 'deep').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'needs-mfa' });
    expect(String((error as Error).message)).toContain('"dev"');
    expect(sts.calls).toEqual([]);
  });

  it('is assumed with the source role’s session: one code at the root, each link signed by the one before', async () => {
    const deep = await activateRole({ sessions, profiles }, 'deep', '123456');
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole', 'AssumeRole']);
    const [hub, admin, last] = assumed();
    const mfa = sts.calls[0]?.action === 'GetSessionToken' ? sts.calls[0].input : undefined;
    expect(mfa?.tokenCode).toBe('123456');
    expect(hub).toMatchObject({ roleArn: arn('222222222222', 'hub'), externalId: 'ext-hub', durationSeconds: 7200 });
    expect(admin).toMatchObject({ roleArn: arn('333333333333', 'admin'), externalId: 'ext-admin', durationSeconds: 3600, region: 'ap-northeast-1' });
    expect(last?.roleArn).toBe(arn('555555555555', 'deep'));
    // No MFA parameters below the root: the links are signed with the previous role's session.
    for (const input of [admin, last]) expect(input).not.toHaveProperty('serialNumber');
    const hubSession = await sessions.roleSession('hub');
    const adminSession = await sessions.roleSession('admin');
    expect(admin?.credentials.accessKeyId).toBe(hubSession.credentials.accessKeyId);
    expect(last?.credentials.accessKeyId).toBe(adminSession.credentials.accessKeyId);
    // Only the chained role's profile is written, and it reports the root identity.
    expect(deep).toMatchObject({ role: 'deep', identity: 'dev', profiles: ['deep'] });
    expect(files.text(PATHS.credentials)).toContain('[deep]');
    expect(files.text(PATHS.credentials)).not.toContain('[hub]');
  });

  it('shares the source’s live session: two roles chained from one source make one source AssumeRole', async () => {
    await Promise.all([sessions.roleSession('admin', { mfaCode: '123456' }), sessions.roleSession('audit', { mfaCode: '123456' })]);
    expect(sts.count('GetSessionToken')).toBe(1);
    expect(assumed().filter((i) => i.roleArn === arn('222222222222', 'hub'))).toHaveLength(1);
    expect(sts.count('AssumeRole')).toBe(3);
  });

  it('renews a source with no more than the renewal lead left before using it, never signing with an ending session', async () => {
    await sessions.roleSession('admin', { mfaCode: '123456' });
    const firstHub = (await sessions.roleSession('hub')).credentials.accessKeyId;
    now += 2 * 60 * MIN - 4 * MIN; // the 2 h hub session has 4 min left, under the 5 min lead
    await sessions.roleSession('admin', { fresh: true });
    const [, , renewedHub, renewedAdmin] = assumed();
    expect(renewedHub?.roleArn).toBe(arn('222222222222', 'hub'));
    expect(renewedAdmin?.credentials.accessKeyId).not.toBe(firstHub);
    expect(renewedAdmin?.credentials.accessKeyId).toBe((await sessions.roleSession('hub')).credentials.accessKeyId);
  });

  it('a source session STS no longer takes is dropped and assumed again, once', async () => {
    await sessions.roleSession('hub', { mfaCode: '123456' });
    sts.failNext('AssumeRole', 'expired');
    const admin = await sessions.roleSession('admin');
    expect(admin.role.name).toBe('admin');
    expect(assumed().map((i) => i.roleArn.split('/').pop())).toEqual(['hub', 'admin', 'hub', 'admin']);
    // The retry is signed with the new hub session, which is the one kept.
    expect(assumed()[3]?.credentials.accessKeyId).toBe((await sessions.roleSession('hub')).credentials.accessKeyId);
    expect(assumed()[3]?.credentials.accessKeyId).not.toBe(assumed()[1]?.credentials.accessKeyId);
  });

  it('chains from a role assumed with a long-lived key, with no MFA anywhere', async () => {
    await sessions.roleSession('bot-admin');
    expect(sts.calls.map((c) => c.action)).toEqual(['AssumeRole', 'AssumeRole']);
    expect(assumed()[0]?.credentials.accessKeyId).toBe('AKIAFAKEFAKEFAKE0002');
    expect(assumed()[1]?.credentials.accessKeyId).toMatch(/^ASIA/);
  });
});

describe('a chained role refused by STS', () => {
  it('names the link: the source role whose ARN the trust policy must name', async () => {
    const now = Date.UTC(2026, 10, 22, 9, 0, 0);
    const clock = { now: () => now };
    const sts = new FakeStsBroker(clock);
    const secrets = new MemorySecretStore();
    for (const identity of config.identities) await saveIdentityKey(secrets, identity, `fake-secret-${identity.name}-000000`);
    const sessions = new SessionService({ config: () => config, secrets, sts, clock });
    await sessions.roleSession('bot');
    sts.failNext('AssumeRole', 'access-denied');
    const error = await sessions.roleSession('bot-admin').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'access-denied' });
    expect((error as Error).message).toMatch(
      /^role "bot-admin" is assumed with the session of role "bot": its trust policy must name arn:aws:iam::222222222222:role\/bot; fake AssumeRole failure/,
    );
    expect(sts.count('AssumeRole')).toBe(2);
  });
});
