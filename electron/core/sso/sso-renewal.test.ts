import { beforeEach, describe, expect, it } from 'vitest';
import { AwsProfileStore } from '../credentials-file/aws-profile-store.js';
import { composeRenewal } from '../compose-services.js';
import { StsTrayError } from '../errors.js';
import { appConfigSchema, type AppConfig, type TemporaryCredentials } from '../model.js';
import type { RenewalEngine } from '../renewal/renewal-engine.js';
import type { RenewalEvent } from '../renewal/renewal-events.js';
import type { SsoRoleSource } from '../sessions.js';
import { FakeStsBroker } from '../testing/fake-sts-broker.js';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { MemorySecretStore } from '../testing/memory-secret-store.js';
import { VirtualTime, flush } from '../testing/virtual-time.js';

const H = 3_600_000;
const MIN = 60_000;
const PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config' } as const;

function config(): AppConfig {
  return appConfigSchema.parse({
    version: 1,
    ssoIdentities: [{ name: 'myco', startUrl: 'https://myco.awsapps.com/start', region: 'ap-northeast-1', roleRegion: 'us-west-2' }],
    roles: [
      { name: 'tes', env: 'tes', identity: 'myco', roleArn: 'arn:aws:iam::222222222222:role/AdministratorAccess' },
      { name: 'prd', env: 'prd', identity: 'myco', roleArn: 'arn:aws:iam::444444444444:role/ReadOnlyAccess' },
    ],
  });
}

/** The portal as the engine sees it: 1 h role credentials, a sign-in that ends at 8 h. */
class FakePortal implements SsoRoleSource {
  calls: string[] = [];
  signedOut = false;
  constructor(private readonly time: VirtualTime, private readonly start: number) {}
  async roleCredentials(_identity: unknown, target: { accountId: string; roleName: string }): Promise<TemporaryCredentials> {
    this.calls.push(`${target.accountId}/${target.roleName}`);
    if (this.signedOut) throw new StsTrayError('needs-sign-in', 'the IAM Identity Center sign-in "myco" has ended: sign in again with sts-tray sso login myco');
    return { accessKeyId: `ASIAFAKEFAKEFAKE${String(this.calls.length).padStart(4, '0')}`, secretAccessKey: 'fake-secret', sessionToken: 'fake-token', expiresAt: this.time.now() + H, serverClockOffsetMs: 0 };
  }
  async signInEndsAt(): Promise<number | null> {
    return this.start + 8 * H;
  }
}

describe('Identity Center roles in the renewal engine', () => {
  let time: VirtualTime;
  let portal: FakePortal;
  let engine: RenewalEngine;
  let files: MemoryFileStore;
  const events: RenewalEvent[] = [];
  const settle = async () => {
    await flush();
    await engine.idle();
    await flush();
  };

  beforeEach(() => {
    time = new VirtualTime(Date.UTC(2026, 10, 23, 9, 0, 0));
    portal = new FakePortal(time, time.now());
    files = new MemoryFileStore();
    const profiles = new AwsProfileStore(files, PATHS);
    ({ engine } = composeRenewal({ config, secrets: new MemorySecretStore(), sts: new FakeStsBroker(time), profiles, clock: time, timers: time, random: () => 0, sso: portal }));
    events.length = 0;
    engine.on((e) => events.push(e));
  });

  it('switches to an SSO role like any other: its profile written, in the role region', async () => {
    const activation = await engine.activate('tes');
    expect(activation.identity).toBe('myco');
    const text = new TextDecoder().decode((await files.read(PATHS.credentials)).bytes ?? new Uint8Array());
    expect(text).toContain('[tes]');
    expect(text).toContain('aws_access_key_id = ASIAFAKEFAKEFAKE0001');
    const configText = new TextDecoder().decode((await files.read(PATHS.config)).bytes ?? new Uint8Array());
    expect(configText).toContain('region = us-west-2');
    expect(portal.calls).toEqual(['222222222222/AdministratorAccess']);
  });

  it('renews from the portal before expiry, without asking anyone', async () => {
    await engine.activate('tes');
    await time.advance(2 * H, settle);
    expect(portal.calls.length).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.type === 'renewed')).not.toHaveLength(0);
    expect(events.some((e) => e.type === 'expired')).toBe(false);
  });

  it('warns ahead of the sign-in end as a sign-in, not an MFA session', async () => {
    await engine.activate('tes');
    await time.advance(8 * H - 14 * MIN, settle);
    const warning = events.find((e) => e.type === 'mfa-expiring');
    expect(warning).toMatchObject({ identity: 'myco', signIn: true, leadSeconds: 900 });
  });

  it('a sign-in that ended stops renewal with needs-sign-in and no retry', async () => {
    await engine.activate('prd');
    portal.signedOut = true;
    await time.advance(H, settle);
    const failed = events.find((e) => e.type === 'failed');
    expect(failed).toMatchObject({ role: 'prd', code: 'needs-sign-in', retryAt: null });
    expect(engine.state().roles.find((r) => r.role === 'prd')?.status).toBe('failed');
    expect([...engine.waitingForSignIn()]).toEqual([['myco', ['prd']]]);
    expect(engine.waitingForCode().size).toBe(0);

    // Signed in again elsewhere (`sts-tray sso login` in a terminal): picked up, renewed.
    portal.signedOut = false;
    expect(await engine.resumeWaiting()).toEqual(['myco']);
    await settle();
    expect(engine.state().roles.find((r) => r.role === 'prd')).toMatchObject({ status: 'active', lastError: null });
    expect(engine.waitingForSignIn().size).toBe(0);
  });
});

describe('Identity Center roles in the config', () => {
  it('take no external ID and no per-role MFA', () => {
    const base = config();
    const bad = appConfigSchema.safeParse({ ...base, roles: [{ ...base.roles[0], externalId: 'ext-1' }, { ...base.roles[1], mfa: true }] });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join('\n') ?? '';
    expect(messages).toMatch(/comes from IAM Identity Center, which takes no external ID/);
    expect(messages).toMatch(/asks for MFA at sign-in, not per role/);
  });

  it('share one namespace with IAM user identities', () => {
    const base = config();
    const clash = appConfigSchema.safeParse({ ...base, identities: [{ name: 'myco', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }] });
    expect(clash.error?.issues.map((i) => i.message).join('\n')).toMatch(/two identities are named "myco"/);
  });
});
