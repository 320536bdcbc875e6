import { beforeEach, describe, expect, it } from 'vitest';
import { appConfigSchema, type AppConfig } from '../model.js';
import type { FakeStsBroker } from '../testing/fake-sts-broker.js';
import type { MemoryFileStore } from '../testing/memory-file-store.js';
import { RIG_PATHS as PATHS, renewalRig } from '../testing/renewal-rig.js';
import type { VirtualTime } from '../testing/virtual-time.js';
import type { RenewalEvent } from './renewal-events.js';
import type { RenewalEngine } from './renewal-engine.js';
import { SessionService } from '../sessions.js';

const H = 3_600_000;
const MIN = 60_000;

function configWith(preferences: Record<string, unknown> = {}): AppConfig {
  return appConfigSchema.parse({
    version: 1,
    identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
    roles: ['tes', 'stg', 'prd'].map((env, i) => ({
      name: env, env, identity: 'dev', mfa: true, roleArn: `arn:aws:iam::${String(i + 2).repeat(12)}:role/${env}-deployer`,
    })),
    preferences,
  });
}

describe('RenewalEngine', () => {
  let time: VirtualTime;
  let sts: FakeStsBroker;
  let files: MemoryFileStore;
  let engine: RenewalEngine;
  let events: RenewalEvent[];
  let config: AppConfig;
  let settle: () => Promise<void>;

  beforeEach(async () => {
    config = configWith();
    ({ time, sts, files, engine, events, settle } = await renewalRig(() => config));
  });

  it('renews a 1 h role session 6 min before it expires, again and again, one timer at a time', async () => {
    await engine.activate('tes', '123456');
    expect(sts.count('AssumeRole')).toBe(1);
    await time.advance(53 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(1);
    await time.advance(1 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(2);
    expect(events.filter((e) => e.type === 'renewed')).toHaveLength(1);
    await time.advance(54 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(3);
    expect(sts.count('GetSessionToken')).toBe(1);
    expect(time.callbacks).toBe(2);
    const state = engine.state().roles[0];
    expect(state).toMatchObject({ role: 'tes', status: 'active', expiresAt: time.now() + H });
  });

  it('renews now on request: fresh sessions for the chosen roles in one wave, then plans as usual', async () => {
    await engine.activate('tes', '123456');
    await engine.activate('stg');
    const writesBefore = files.writes.filter((w) => w.path === PATHS.credentials).length;
    await time.advance(10 * MIN, settle);
    engine.renewNow(['stg']);
    await settle();
    expect(sts.count('AssumeRole')).toBe(3);
    expect(events.filter((e) => e.type === 'renewed').map((e) => 'role' in e && e.role)).toEqual(['stg']);
    expect(files.writes.filter((w) => w.path === PATHS.credentials).length).toBe(writesBefore + 1);
    const stg = engine.state().roles.find((r) => r.role === 'stg');
    expect(stg).toMatchObject({ status: 'active', expiresAt: time.now() + H });
    engine.renewNow();
    await settle();
    expect(sts.count('AssumeRole')).toBe(5);
  });

  it('renews roles due together in one wave: one STS call each, one file write', async () => {
    await engine.activate('tes', '123456');
    await engine.activate('stg');
    await engine.activate('prd');
    const writesBefore = files.writes.filter((w) => w.path === PATHS.credentials).length;
    await time.advance(54 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(6);
    expect(files.writes.filter((w) => w.path === PATHS.credentials).length - writesBefore).toBe(1);
  });

  it('warns 15 and 5 min before the MFA session ends, then asks for a code', async () => {
    config = configWith();
    await engine.activate('tes', '123456');
    await time.advance(12 * H - 15 * MIN, settle);
    const warnings = () => events.filter((e) => e.type === 'mfa-expiring');
    expect(warnings()).toMatchObject([{ identity: 'dev', leadSeconds: 900 }]);
    await time.advance(10 * MIN, settle);
    expect(warnings()).toMatchObject([{ leadSeconds: 900 }, { leadSeconds: 300 }]);
    await time.advance(2 * H, settle);
    expect(engine.state().roles[0]?.status).toBe('needs-mfa');
    await engine.provideMfaCode('dev', '654321');
    await settle();
    expect(engine.state().roles[0]?.status).toBe('active');
  });

  it('resumes roles waiting for a code once another process started an MFA session', async () => {
    const rig = await renewalRig(() => config);
    await rig.engine.activate('tes', '123456');
    await rig.engine.activate('stg');
    await rig.time.advance(13 * H, rig.settle);
    expect(rig.engine.state().roles.map((r) => r.status)).toEqual(['needs-mfa', 'needs-mfa']);
    expect(await rig.engine.resumeWaiting()).toEqual([]);

    // `sts-tray assume` in a terminal: its own SessionService over the same keychain.
    const terminal = new SessionService({
      config: () => config,
      secrets: rig.secrets,
      sts: rig.sts,
      clock: rig.time,
    });
    await terminal.startMfaSession('dev', '654321');
    const sessionsBefore = rig.sts.count('GetSessionToken');
    expect(await rig.engine.resumeWaiting()).toEqual(['dev']);
    await rig.settle();
    expect(rig.engine.state().roles.map((r) => r.status)).toEqual(['active', 'active']);
    expect(rig.sts.count('GetSessionToken')).toBe(sessionsBefore);
  });

  it('keeps a role that needs a code waiting (activateOrWait) and starts it with the code, writing its profile then', async () => {
    expect(await engine.activateOrWait('tes')).toBeNull();
    expect(engine.state().roles).toMatchObject([{ role: 'tes', identity: 'dev', status: 'needs-mfa', expiresAt: null, nextRenewalAt: null }]);
    expect([...engine.waitingForCode()]).toEqual([['dev', ['tes']]]);
    expect(time.nextTimerAt()).toBeNull(); // waiting costs no timer
    expect((await files.read(PATHS.credentials)).bytes).toBeNull();
    await engine.provideMfaCode('dev', '123456');
    await settle();
    expect(events.filter((e) => e.type === 'renewed')).toMatchObject([{ role: 'tes', first: true, expiresAt: time.now() + H }]);
    expect(engine.state().roles[0]).toMatchObject({ status: 'active', expiresAt: time.now() + H });
    expect(engine.waitingForCode().size).toBe(0);
    expect(new TextDecoder().decode((await files.read(PATHS.credentials)).bytes ?? new Uint8Array())).toContain('[tes]');
    // A later renewal is an ordinary one.
    await time.advance(54 * MIN, settle);
    expect(events.filter((e) => e.type === 'renewed').at(-1)).not.toHaveProperty('first');
  });

  it('activateOrWait still fails at once for anything but a missing code', async () => {
    await expect(engine.activateOrWait('tse')).rejects.toThrow(/no role named "tse"/);
    sts.failNext('AssumeRole', 'access-denied');
    await expect(engine.activateOrWait('tes', '123456')).rejects.toMatchObject({ code: 'access-denied' });
    expect(engine.state().roles).toEqual([]);
  });

  it('retries transient failures with backoff and stops on fatal ones', async () => {
    await engine.activate('tes', '123456');
    await engine.activate('stg');
    sts.failNext('AssumeRole', 'throttled');
    sts.failNext('AssumeRole', 'access-denied');
    await time.advance(54 * MIN, settle);
    const failed = events.filter((e) => e.type === 'failed');
    expect(failed).toHaveLength(2);
    await time.advance(5_000, settle);
    const states = Object.fromEntries(engine.state().roles.map((r) => [r.role, r.status]));
    expect(Object.values(states).sort()).toEqual(['active', 'failed']);
  });

  it.each([
    { skew: 'STS 20 min ahead of our clock', offsetMs: 20 * MIN },
    { skew: 'STS 20 min behind', offsetMs: -20 * MIN },
    { skew: 'STS 70 min behind (longer than the session)', offsetMs: -70 * MIN },
  ])('$skew: renews 6 min before the real end of a 1 h session, once', async ({ offsetMs }) => {
    sts.serverClockOffsetMs = offsetMs;
    await engine.activate('tes', '123456');
    await time.advance(53 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(1);
    await time.advance(1 * MIN, settle);
    expect(sts.count('AssumeRole')).toBe(2);
    expect(engine.state().roles[0]?.expiresAt).toBe(time.now() + H);
  });

  it('after a 3 h sleep, checkNow renews what is due at once, once', async () => {
    await engine.activate('tes', '123456');
    time.sleep(3 * H);
    engine.checkNow();
    engine.checkNow();
    await settle();
    expect(sts.count('AssumeRole')).toBe(2);
    expect(events.some((e) => e.type === 'clock-jump')).toBe(true);
  });
});
