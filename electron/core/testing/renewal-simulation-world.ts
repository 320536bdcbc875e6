// A whole sts-tray world on virtual time for the renewal simulation: the engine
// with its real collaborators over in-memory ports, a user who answers the MFA warning, and
// an observer that reads the credentials file after every timer callback, every checkNow and
// every virtual minute. It measures what a user of the AWS CLI would notice: how long a
// profile in the file was expired while the machine was awake and a renewal was possible,
// how many waves wrote the file, and which STS calls were made when.

import { AwsProfileStore, type OwnedProfile } from '../credentials-file/aws-profile-store.js';
import { saveIdentityKey } from '../identity-keys.js';
import { appConfigSchema, type AppConfig, type Role } from '../model.js';
import { composeRenewal } from '../compose-services.js';
import type { SessionService } from '../sessions.js';
import { FakeStsBroker } from './fake-sts-broker.js';
import { MemoryFileStore } from './memory-file-store.js';
import { MemorySecretStore } from './memory-secret-store.js';
import { seededRandom } from './seeded-random.js';
import { VirtualTime, flush } from './virtual-time.js';
import type { RenewalEvent } from '../renewal/renewal-events.js';
import type { RenewalEngine } from '../renewal/renewal-engine.js';

export const MIN = 60_000;
export const H = 60 * MIN;
export const START = Date.UTC(2026, 10, 23, 8, 0, 0);
const PATHS = { credentials: '/home/dev/.aws/credentials', config: '/home/dev/.aws/config' };
const IDENTITIES = ['alice', 'bob', 'carol'] as const;
const ENVS = ['tes', 'stg', 'prd'] as const;


/**
 * Three identities with MFA, each with tes/stg/prd roles, plus `extraRoles` more spread over
 * them: mostly 1 h sessions, some of 15 min and 2 h, a quarter assumed without MFA.
 */
export function simulationConfig(extraRoles: number, roleSeconds = 3600): AppConfig {
  const identities = IDENTITIES.map((name, i) => ({
    name,
    accessKeyId: `AKIAFAKESIMULATION${i}0`,
    mfaSerial: `arn:aws:iam::111111111111:mfa/${name}`,
  }));
  // Plain input objects: the schema fills the defaults and checks them, as for a real config.
  const roles: object[] = IDENTITIES.flatMap((identity, i) =>
    ENVS.map((env, e) => ({
      name: `${identity}-${env}`,
      env,
      identity,
      mfa: true,
      durationSeconds: roleSeconds,
      roleArn: `arn:aws:iam::${String(200_000_000_000 + i * 10 + e)}:role/${env}-deployer`,
    })),
  );
  for (let i = 0; i < extraRoles; i += 1) {
    roles.push({
      name: `svc-${i}`,
      env: 'other',
      identity: IDENTITIES[i % IDENTITIES.length] ?? 'alice',
      mfa: i % 4 !== 3,
      durationSeconds: i % 20 === 0 ? 900 : i % 10 === 5 ? 7200 : 3600,
      roleArn: `arn:aws:iam::${String(300_000_000_000 + i)}:role/svc-${i}`,
    });
  }
  return appConfigSchema.parse({ version: 1, identities, roles });
}

/** A stretch of time (by STS's clock) during which a profile in the file was expired though it could have been renewed. */
export interface StaleSpan {
  readonly role: string;
  readonly from: number;
  to: number;
  /** The part of [from, to) during which its identity's MFA session was valid (all of it without MFA). */
  ms: number;
}

/** A moment the wall clock moved without the monotonic clock: a sleep or a jump. */
export interface ClockStep {
  readonly kind: 'sleep' | 'jump';
  readonly lived: number;
  readonly wallBefore: number;
  readonly wallAfter: number;
}

export interface WorldOptions {
  readonly extraRoles?: number;
  readonly roleSeconds?: number;
  readonly seed?: number;
  /** The user answers each 5-minute MFA warning with a new code (default true). */
  readonly answerMfa?: boolean;
}

export class SimulationWorld {
  readonly time = new VirtualTime(START);
  readonly sts = new FakeStsBroker(this.time);
  readonly files = new MemoryFileStore();
  readonly secrets = new MemorySecretStore();
  readonly profiles = new AwsProfileStore(this.files, PATHS);
  readonly config: AppConfig;
  readonly sessions: SessionService;
  readonly engine: RenewalEngine;
  readonly events: RenewalEvent[] = [];
  readonly stale: StaleSpan[] = [];
  readonly clockSteps: ClockStep[] = [];
  /** The user's MFA answers: when, for whom, and whether STS took the code. */
  readonly answers: { identity: string; at: number; ok: boolean }[] = [];
  /** Observations after which some role had been renewed: timer callbacks or checkNow calls. */
  waves = 0;
  /** Observations made (after every callback, checkNow and grid step). */
  observations = 0;
  /** Wall times of observations at which some profile in the file was expired though renewable. */
  readonly staleMoments: number[] = [];
  private readonly answerMfa: boolean;
  private readonly roleByName: Map<string, Role>;
  private readonly identityBySerial: Map<string, string>;
  private pendingAnswers: string[] = [];
  private codes = 0;
  private lastObserved: number;
  private renewedSeen = 0;
  private view: OwnedProfile[] = [];
  private viewWrites = -1;
  private readonly openSpans = new Map<string, StaleSpan>();

  constructor(options: WorldOptions = {}) {
    this.config = simulationConfig(options.extraRoles ?? 100, options.roleSeconds);
    this.answerMfa = options.answerMfa ?? true;
    this.roleByName = new Map(this.config.roles.map((r) => [r.name, r]));
    this.identityBySerial = new Map(this.config.identities.map((i) => [i.mfaSerial ?? '', i.name]));
    const config = this.config;
    ({ sessions: this.sessions, engine: this.engine } = composeRenewal({
      config: () => config,
      secrets: this.secrets,
      sts: this.sts,
      profiles: this.profiles,
      clock: this.time,
      timers: this.time,
      random: seededRandom(options.seed ?? 20261123),
    }));
    this.engine.on((event) => {
      this.events.push(event);
      if (event.type === 'mfa-expiring' && event.leadSeconds === 300 && this.answerMfa) this.pendingAnswers.push(event.identity);
    });
    this.lastObserved = this.stsNow();
  }

  /** Stores the identities' keys and switches to every role (one code per identity). */
  async activateAll(): Promise<void> {
    for (const identity of this.config.identities) await saveIdentityKey(this.secrets, identity, `fake-secret-${identity.name}-0000000000`);
    const coded = new Set<string>();
    for (const role of this.config.roles) {
      const code = role.mfa && !coded.has(role.identity) ? this.nextCode() : undefined;
      if (code) coded.add(role.identity);
      await this.engine.activate(role.name, code);
    }
    await this.settle();
  }

  /** Lets the engine finish, lets the user answer, then looks at the file. VirtualTime calls it after every timer. */
  readonly settle = async (): Promise<void> => {
    await flush();
    await this.engine.idle();
    await flush();
    await this.observe();
    while (this.pendingAnswers.length > 0) {
      const identity = this.pendingAnswers.shift() ?? '';
      const at = this.time.now();
      const ok = await this.engine.provideMfaCode(identity, this.nextCode()).then(
        () => true,
        () => false,
      );
      this.answers.push({ identity, at, ok });
      await flush();
      await this.engine.idle();
      await this.observe();
    }
  };

  /** Lived (monotonic) time so far. */
  lived(): number {
    return this.time.monotonic();
  }

  /** Runs until `lived()` reaches `until`, in steps of at most a minute, observing at each. */
  async runUntil(until: number): Promise<void> {
    while (this.time.monotonic() < until) await this.time.advance(Math.min(MIN, until - this.time.monotonic()), this.settle);
  }

  /** The machine sleeps for `ms`; on wake the shell calls checkNow, as on `resume`. */
  async sleep(ms: number): Promise<void> {
    await this.step('sleep', ms);
    this.time.sleep(ms);
    this.lastObserved = this.stsNow();
    this.engine.checkNow();
    await this.settle();
  }

  /**
   * Our wall clock is set by `ms` while awake; nobody tells the engine. With `stsFollows`,
   * STS's clock moves too (as if time really passed: a resume nobody reported); without, only
   * ours is wrong from now on, and STS's clock goes on as before.
   */
  async jumpWall(ms: number, stsFollows = true): Promise<void> {
    await this.step('jump', ms);
    this.time.jumpWall(ms);
    if (!stsFollows) this.sts.serverClockOffsetMs -= ms;
    // Skipped (or repeated) time was not lived: staleness counts from here on.
    this.lastObserved = this.stsNow();
  }

  /** Now by STS's clock, the one that decides whether credentials in the file still work. */
  stsNow(): number {
    return this.time.now() + this.sts.serverClockOffsetMs;
  }

  async checkNow(): Promise<void> {
    this.engine.checkNow();
    await this.settle();
  }

  credentialWrites(): number {
    return this.files.writes.filter((w) => w.path === PATHS.credentials).length;
  }

  /** Successful AssumeRole calls of a role, by wall time. */
  /** When the role was assumed, by STS's clock (ours jumps in some runs). */
  assumes(role: string): number[] {
    const arn = this.roleByName.get(role)?.roleArn;
    return this.sts.log.filter((l) => l.error === null && l.call.action === 'AssumeRole' && l.call.input.roleArn === arn).map((l) => l.stsAt);
  }

  /** The MFA sessions STS issued to an identity: [issued, expires) by STS's clock. */
  mfaSessionsOf(identity: string): { from: number; until: number }[] {
    return this.sts.log.flatMap((l) =>
      l.error === null && l.call.action === 'GetSessionToken' && this.identityBySerial.get(l.call.input.serialNumber) === identity && l.expiresAt !== null
        ? [{ from: l.expiresAt - l.call.input.durationSeconds * 1000, until: l.expiresAt }]
        : [],
    );
  }

  roles(): readonly Role[] {
    return this.config.roles;
  }

  staleMs(filter: (span: StaleSpan) => boolean = () => true): number {
    return this.stale.filter(filter).reduce((sum, s) => sum + s.ms, 0);
  }

  private async step(kind: ClockStep['kind'], ms: number): Promise<void> {
    await this.observe();
    const wallBefore = this.time.now();
    this.clockSteps.push({ kind, lived: this.time.monotonic(), wallBefore, wallAfter: wallBefore + ms });
    this.openSpans.clear();
  }

  private nextCode(): string {
    this.codes += 1;
    return String(100_000 + this.codes);
  }

  /**
   * Since the last observation the file held `view`; charge each expired profile the time
   * it was expired while renewable, then read the file again if it was written.
   */
  private async observe(): Promise<void> {
    this.observations += 1;
    const now = this.stsNow();
    const renewed = this.events.filter((e) => e.type === 'renewed').length;
    if (renewed > this.renewedSeen) this.waves += 1;
    this.renewedSeen = renewed;
    if (now > this.lastObserved) {
      for (const profile of this.view) this.charge(profile, this.lastObserved, now);
    }
    this.lastObserved = Math.max(this.lastObserved, now);
    const writes = this.files.writes.length;
    if (writes !== this.viewWrites) {
      this.viewWrites = writes;
      // Parsed the way every other reader of the file does: through the profile store.
      this.view = await this.profiles.listOwned();
    }
    if (this.view.some((p) => p.expiresAt !== null && p.expiresAt <= now && this.renewable(p.profile, now))) this.staleMoments.push(now);
  }

  /** Whether the role could be renewed at `now`: always without MFA, else while its MFA session is valid. */
  private renewable(profile: string, now: number): boolean {
    const role = this.roleByName.get(profile);
    if (!role) return false;
    return !role.mfa || this.mfaSessionsOf(role.identity).some((s) => s.from <= now && now < s.until);
  }

  private charge(profile: OwnedProfile, from: number, to: number): void {
    const role = this.roleByName.get(profile.profile);
    if (!role || profile.expiresAt === null) return;
    const start = Math.max(from, profile.expiresAt);
    if (start >= to) {
      this.openSpans.delete(role.name);
      return;
    }
    const ms = role.mfa ? this.mfaValidMs(role.identity, start, to) : to - start;
    const open = this.openSpans.get(role.name);
    if (open && open.to === start) {
      open.to = to;
      open.ms += ms;
      return;
    }
    const span: StaleSpan = { role: role.name, from: start, to, ms };
    this.stale.push(span);
    this.openSpans.set(role.name, span);
  }

  /** How much of [from, to) the identity's MFA sessions cover (they may overlap). */
  private mfaValidMs(identity: string, from: number, to: number): number {
    const spans = this.mfaSessionsOf(identity)
      .map((s) => ({ from: Math.max(from, s.from), until: Math.min(to, s.until) }))
      .filter((s) => s.from < s.until)
      .sort((a, b) => a.from - b.from);
    let covered = 0;
    let reach = from;
    for (const s of spans) {
      if (s.until <= reach) continue;
      covered += s.until - Math.max(reach, s.from);
      reach = s.until;
    }
    return covered;
  }
}
