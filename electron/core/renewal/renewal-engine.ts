// Keeps role sessions renewed before they expire. Deadline-driven: one timer for the next
// thing due (a renewal, a retry, an MFA-session warning, an expiry), none while nothing is
// due. Renewals due together are written in one atomic write of the credentials file.

import { activateRole, type Activation } from '../activation.js';
import type { AwsProfileStore } from '../credentials-file/aws-profile-store.js';
import { StsTrayError, describeError, type ErrorCode } from '../errors.js';
import { MFA_SESSION_MIN_REMAINING_MS } from '../mfa-session-cache.js';
import { profileOf, type AppConfig } from '../model.js';
import type { Clock, TimerHandle, Timers } from '../ports.js';
import { byChainDepth } from '../role-chain.js';
import { localExpiry } from '../time.js';
import { findRole, hasSessionToWatch, profilesOf, profileWrites, type SessionService } from '../sessions.js';
import type { EngineState, RenewalEvent, RenewalListener, RoleStatus } from './renewal-events.js';
import { backoffDelay, isTransient, renewalTime } from './renewal-policy.js';

export interface RenewalDeps {
  readonly sessions: SessionService;
  readonly profiles: AwsProfileStore;
  readonly config: () => AppConfig | Promise<AppConfig>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random?: () => number;
}

interface Tracked {
  readonly role: string;
  readonly identity: string;
  status: RoleStatus;
  /** False while the role waits for its first session (activateOrWait): nothing written yet. */
  started: boolean;
  expiresAt: number;
  obtainedAt: number;
  /** Next renewal or retry; null while waiting for the user (MFA code, a fatal error). */
  nextAt: number | null;
  attempt: number;
  lastError: { code: ErrorCode; message: string } | null;
  expiryHandled: boolean;
  /** Its profile was removed by this engine (onExpired = remove), not signed out elsewhere. */
  profileRemovedHere: boolean;
}

interface MfaWatch {
  expiresAt: number;
  readonly warned: Set<number>;
  /** An Identity Center sign-in rather than an MFA session: the warning says "sign in again". */
  readonly signIn: boolean;
}

/**
 * Renewals due within this window join the current wave (one STS call each, one write).
 * It equals the largest jitter: jitter is drawn anew at each renewal, so without this, roles
 * that started together would drift into ever more waves, each a rewrite of the file.
 */
export const WAVE_WINDOW_MS = 30_000;
/** STS calls in flight at once within a wave, so a thousand roles do not burst at STS. */
const WAVE_CONCURRENCY = 16;
/** After a wave that could not run at all, wait this long before the next try. */
const WAVE_RETRY_MS = 60_000;
/** A difference this large between wall-clock and monotonic time is a jump or a sleep. */
const JUMP_THRESHOLD_MS = 2_000;

export class RenewalEngine {
  private readonly tracked = new Map<string, Tracked>();
  private readonly mfa = new Map<string, MfaWatch>();
  private readonly listeners = new Set<RenewalListener>();
  private readonly random: () => number;
  private timer: TimerHandle | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private wallMinusMonotonic: number;
  /** From the preferences, kept for plan(), which runs without awaiting the config. */
  private warningLeads: readonly number[] = [];
  /** Set after a wave failed as a whole, so a broken config cannot spin the timer. */
  private waveRetryAt = 0;

  constructor(private readonly deps: RenewalDeps) {
    this.random = deps.random ?? Math.random;
    this.wallMinusMonotonic = deps.clock.now() - deps.timers.monotonic();
  }

  on(listener: RenewalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes over the profiles sts-tray already owns (a restarted tray, `watch`), then plans. */
  async start(): Promise<void> {
    this.stopped = false;
    const config = await this.deps.config();
    this.warningLeads = config.preferences.mfaWarningLeadSeconds;
    const owned = await this.deps.profiles.listOwned();
    for (const role of config.roles) {
      const profile = owned.find((o) => o.profile === profileOf(role));
      if (!profile?.expiresAt || this.tracked.has(role.name)) continue;
      // The lifetime is not in the file; the role's configured duration is the best guess.
      this.track(role.name, role.identity, profile.expiresAt, profile.expiresAt - role.durationSeconds * 1000, config);
    }
    for (const identity of new Set(config.roles.filter((r) => this.tracked.has(r.name)).map((r) => r.identity))) {
      await this.watchMfaSession(identity, config);
    }
    this.checkNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.deps.timers.clearTimer(this.timer);
    this.timer = null;
  }

  /**
   * Switches to a role (assume or reuse, write its profile) and keeps it renewed: the one
   * activation path of every shell.
   */
  async activate(roleName: string, mfaCode?: string): Promise<Activation> {
    const activation = await activateRole(this.deps, roleName, mfaCode);
    const config = await this.deps.config();
    this.track(activation.role, activation.identity, activation.expiresAt, activation.session.obtainedAt, config);
    // An identity without an MFA device has no MFA session to warn about: no keychain read.
    if (hasSessionToWatch(activation.session.identity)) await this.watchMfaSession(activation.identity, config);
    this.plan();
    return activation;
  }

  /**
   * As activate, but a role that needs an MFA code first is kept waiting for it instead of
   * failing: provideMfaCode or resumeWaiting starts it like any role waiting for a code.
   * Null while it waits. `watch` starts its named roles this way.
   */
  async activateOrWait(roleName: string, mfaCode?: string): Promise<Activation | null> {
    try {
      return await this.activate(roleName, mfaCode);
    } catch (error) {
      if (!(error instanceof StsTrayError) || error.code !== 'needs-mfa') throw error;
      const role = findRole(await this.deps.config(), roleName);
      if (this.tracked.get(role.name)?.started) return null;
      this.tracked.set(role.name, {
        role: role.name,
        identity: role.identity,
        status: 'needs-mfa',
        started: false,
        expiresAt: Number.NEGATIVE_INFINITY,
        obtainedAt: 0,
        nextAt: null,
        attempt: 0,
        lastError: { code: error.code, message: describeError(error) },
        expiryHandled: true,
        profileRemovedHere: false,
      });
      return null;
    }
  }

  /**
   * Renews the given roles (all tracked ones by default) now, in one wave, with fresh
   * sessions: the user's "Renew now". Roles waiting for an MFA code try again too, and
   * ask again if the session is still missing.
   */
  renewNow(roleNames?: readonly string[]): void {
    const now = this.deps.clock.now();
    for (const t of this.tracked.values()) {
      if (roleNames && !roleNames.includes(t.role)) continue;
      t.nextAt = now;
      t.attempt = 0;
    }
    void this.run();
  }

  /** Stops renewing a role (its profile stays; removing it is the caller's decision). */
  deactivate(roleName: string): void {
    this.tracked.delete(roleName);
    this.plan();
  }

  /** The user's new code: starts the MFA session and renews every role waiting for it. */
  async provideMfaCode(identity: string, code: string): Promise<void> {
    await this.deps.sessions.startMfaSession(identity, code);
    await this.watchMfaSession(identity);
    const now = this.deps.clock.now();
    for (const t of this.tracked.values()) {
      if (t.identity === identity && t.status === 'needs-mfa') {
        t.nextAt = now;
        t.attempt = 0;
      }
    }
    this.checkNow();
  }

  /**
   * Roles waiting for a code whose identity has a usable MFA session again (started by
   * another process: `sts-tray assume` in a terminal, a second window) renew now. Returns
   * the identities whose roles resumed.
   */
  async resumeWaiting(): Promise<string[]> {
    const waiting = [...this.waiting(), ...this.stoppedForSignIn()];
    if (waiting.length === 0) return [];
    const config = await this.deps.config();
    const resumed: string[] = [];
    for (const identity of new Set(waiting.map((t) => t.identity))) {
      const expiresAt = await this.deps.sessions.mfaSessionExpiresAt(identity, config);
      // A session about to end would be refused for the renewal: waiting goes on.
      if (expiresAt === null || expiresAt - this.deps.clock.now() <= MFA_SESSION_MIN_REMAINING_MS) continue;
      this.noteMfaSession(identity, expiresAt, config);
      const now = this.deps.clock.now();
      for (const t of waiting) {
        if (t.identity !== identity) continue;
        t.nextAt = now;
        t.attempt = 0;
      }
      resumed.push(identity);
    }
    if (resumed.length > 0) void this.run();
    return resumed;
  }

  /** Identities with roles waiting for an MFA code, and those roles (not those a code already resumed). */
  waitingForCode(): Map<string, string[]> {
    const byIdentity = new Map<string, string[]>();
    for (const t of this.waiting()) byIdentity.set(t.identity, [...(byIdentity.get(t.identity) ?? []), t.role]);
    return byIdentity;
  }

  /** IAM Identity Center sign-ins whose roles stopped until a new sign-in (resumeWaiting picks one up), and those roles. */
  waitingForSignIn(): Map<string, string[]> {
    const byIdentity = new Map<string, string[]>();
    for (const t of this.stoppedForSignIn()) byIdentity.set(t.identity, [...(byIdentity.get(t.identity) ?? []), t.role]);
    return byIdentity;
  }

  private stoppedForSignIn(): Tracked[] {
    return [...this.tracked.values()].filter((t) => t.nextAt === null && t.lastError?.code === 'needs-sign-in');
  }

  /** Roles that need a code and have none coming: no renewal planned. */
  private waiting(): Tracked[] {
    return [...this.tracked.values()].filter((t) => t.status === 'needs-mfa' && t.nextAt === null);
  }

  /** Runs whatever is due now: the shell calls it on resume, unlock and network-online. */
  checkNow(): void {
    // Waiting retries go at once: the network may just have come back.
    const now = this.deps.clock.now();
    for (const t of this.tracked.values()) if (t.attempt > 0 && t.nextAt !== null) t.nextAt = Math.min(t.nextAt, now);
    void this.run();
  }

  /** Resolves when no wave is running (tests and `watch` use it to settle). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  state(): EngineState {
    return {
      roles: [...this.tracked.values()].map((t) => ({
        role: t.role,
        identity: t.identity,
        status: t.status,
        expiresAt: t.started ? t.expiresAt : null,
        nextRenewalAt: t.nextAt,
        lastError: t.lastError,
      })),
      mfaSessions: [...this.mfa.entries()].map(([identity, m]) => ({ identity, expiresAt: m.expiresAt })),
    };
  }

  private track(role: string, identity: string, expiresAt: number, obtainedAt: number, config: AppConfig): void {
    this.warningLeads = config.preferences.mfaWarningLeadSeconds;
    this.tracked.set(role, {
      role,
      identity,
      status: 'active',
      started: true,
      expiresAt,
      obtainedAt,
      nextAt: renewalTime(obtainedAt, expiresAt, config.preferences.renewalLeadSeconds * 1000, this.random),
      attempt: 0,
      lastError: null,
      expiryHandled: false,
      profileRemovedHere: false,
    });
  }

  /** `config`: the one the caller read already, so that the config file is read once. */
  private async watchMfaSession(identity: string, config?: AppConfig): Promise<void> {
    const current = config ?? (await this.deps.config());
    this.noteMfaSession(identity, await this.deps.sessions.mfaSessionExpiresAt(identity, current), current);
  }

  /** Watches an MFA session's (or sign-in's) end for warnings; a new end starts them over. */
  private noteMfaSession(identity: string, expiresAt: number | null, config: AppConfig): void {
    if (expiresAt === null) return;
    const known = this.mfa.get(identity);
    if (known?.expiresAt === expiresAt) return;
    const signIn = config.ssoIdentities.some((i) => i.name === identity);
    this.mfa.set(identity, { expiresAt, warned: new Set(), signIn });
  }

  private run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.wave().then(
          () => {
            this.waveRetryAt = 0;
          },
          (error: unknown) => {
            this.waveRetryAt = this.deps.clock.now() + WAVE_RETRY_MS;
            this.emit({
              type: 'wave-failed',
              code: error instanceof StsTrayError ? error.code : 'file-io',
              message: describeError(error),
              at: this.deps.clock.now(),
            });
          },
        );
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
      this.plan();
    });
    return this.running;
  }

  private async wave(): Promise<void> {
    this.noticeClockJump();
    const config = await this.deps.config();
    this.warningLeads = config.preferences.mfaWarningLeadSeconds;
    const now = this.deps.clock.now();
    await this.dropSignedOut(config);
    this.warnMfaSessions(config, now);
    const due = [...this.tracked.values()].filter(
      (t) => t.nextAt !== null && t.nextAt <= now + WAVE_WINDOW_MS && t.status !== 'renewing',
    );
    if (due.length > 0) await this.renew(due, config);
    await this.handleExpiries(config, this.deps.clock.now());
  }

  private async renew(due: Tracked[], config: AppConfig): Promise<void> {
    for (const t of due) t.status = 'renewing';
    const renewOne = (t: Tracked) =>
      this.deps.sessions.roleSession(t.role, { fresh: true }).then(
        (session) => ({ t, session }),
        (error: unknown) => ({ t, error }),
      );
    // Source roles before the roles chained from them, so those find the new source session.
    const outcomes: Awaited<ReturnType<typeof renewOne>>[] = [];
    for (const group of byChainDepth(config, due, (t) => t.role)) outcomes.push(...(await inBatches(group, WAVE_CONCURRENCY, renewOne)));
    // A sign-out elsewhere while the STS calls ran: its role is not written back.
    const signedOut = new Set(await this.dropSignedOut(config));
    const renewed = outcomes.flatMap((o) => ('session' in o && !signedOut.has(o.t.role) ? [o] : []));
    if (renewed.length > 0) {
      try {
        await this.deps.profiles.write(renewed.flatMap((o) => profileWrites(o.session)));
        const now = this.deps.clock.now();
        for (const { t, session } of renewed) {
          const first = !t.started;
          t.started = true;
          t.status = 'active';
          // By our clock: STS states the expiry by its own, and a skewed clock would otherwise
          // renew late (STS ahead) or early, even in a loop (STS behind by more than the lifetime).
          t.expiresAt = localExpiry(session.credentials);
          t.obtainedAt = session.obtainedAt;
          t.nextAt = renewalTime(t.obtainedAt, t.expiresAt, config.preferences.renewalLeadSeconds * 1000, this.random);
          t.attempt = 0;
          t.lastError = null;
          t.expiryHandled = false;
          t.profileRemovedHere = false;
          this.emit({ type: 'renewed', role: t.role, expiresAt: t.expiresAt, at: now, ...(first ? { first: true as const } : {}) });
        }
      } catch (error) {
        for (const { t } of renewed) this.fail(t, error);
      }
    }
    for (const o of outcomes) if ('error' in o && !signedOut.has(o.t.role)) this.fail(o.t, o.error);
  }

  /**
   * Follows the credentials file: a started role whose profile is gone, and not by this
   * engine's hand, was signed out elsewhere (`sts-tray logout` in a terminal, the tray's
   * "Sign out of all" beside a `watch`). It is no longer renewed, so nothing writes it back,
   * and an identity left without roles is no longer warned about. Returns those roles.
   */
  async followStore(): Promise<string[]> {
    const signedOut = await this.dropSignedOut(await this.deps.config());
    if (signedOut.length > 0) this.plan();
    return signedOut;
  }

  private async dropSignedOut(config: AppConfig): Promise<string[]> {
    const watched = [...this.tracked.values()].filter((t) => t.started && !t.profileRemovedHere);
    if (watched.length === 0) return [];
    const owned = new Set((await this.deps.profiles.listOwned()).map((o) => o.profile));
    const gone = watched.filter((t) => {
      const role = config.roles.find((r) => r.name === t.role);
      return role === undefined || !owned.has(profileOf(role));
    });
    const now = this.deps.clock.now();
    for (const t of gone) {
      this.tracked.delete(t.role);
      this.emit({ type: 'signed-out', role: t.role, identity: t.identity, at: now });
    }
    for (const identity of new Set(gone.map((t) => t.identity))) {
      if (![...this.tracked.values()].some((t) => t.identity === identity)) this.mfa.delete(identity);
    }
    return gone.map((t) => t.role);
  }

  private fail(t: Tracked, error: unknown): void {
    const now = this.deps.clock.now();
    const code: ErrorCode = error instanceof StsTrayError ? error.code : 'file-io';
    t.lastError = { code, message: describeError(error) };
    if (isTransient(code)) {
      t.attempt += 1;
      t.nextAt = now + backoffDelay(t.attempt, this.random);
      t.status = !t.started ? 'failed' : now >= t.expiresAt ? 'expired' : 'active';
    } else {
      t.nextAt = null;
      t.status = code === 'needs-mfa' ? 'needs-mfa' : 'failed';
    }
    this.emit({ type: 'failed', role: t.role, identity: t.identity, code, message: t.lastError.message, retryAt: t.nextAt, at: now });
  }

  private warnMfaSessions(config: AppConfig, now: number): void {
    for (const [identity, m] of this.mfa) {
      if (now >= m.expiresAt) {
        this.mfa.delete(identity);
        continue;
      }
      // After a sleep several leads may have passed at once: one warning, the nearest lead.
      const passed = config.preferences.mfaWarningLeadSeconds.filter((lead) => !m.warned.has(lead) && now >= m.expiresAt - lead * 1000);
      if (passed.length === 0) continue;
      for (const lead of passed) m.warned.add(lead);
      const leadSeconds = Math.min(...passed);
      this.emit({ type: 'mfa-expiring', identity, expiresAt: m.expiresAt, leadSeconds, at: now, ...(m.signIn ? { signIn: true as const } : {}) });
    }
  }

  private async handleExpiries(config: AppConfig, now: number): Promise<void> {
    const expired = [...this.tracked.values()].filter((t) => !t.expiryHandled && t.status !== 'renewing' && t.expiresAt <= now);
    for (const t of expired) {
      t.expiryHandled = true;
      if (config.preferences.onExpired === 'remove') t.profileRemovedHere = true;
      if (t.status === 'active') t.status = 'expired';
      this.emit({ type: 'expired', role: t.role, at: now });
    }
    if (expired.length > 0 && config.preferences.onExpired === 'remove') {
      const profiles = expired.flatMap((t) => {
        const role = findRole(config, t.role);
        return profilesOf(role);
      });
      await this.deps.profiles.remove(profiles);
    }
  }

  private noticeClockJump(): void {
    const offset = this.deps.clock.now() - this.deps.timers.monotonic();
    const delta = offset - this.wallMinusMonotonic;
    this.wallMinusMonotonic = offset;
    if (Math.abs(delta) <= JUMP_THRESHOLD_MS) return;
    if (delta < 0) {
      // Our clock was set back (a sleep only ever moves it forward). Deadlines were taken
      // by the old clock; move them with it so they stay where they are in real time.
      // Were STS's clock set back too, this costs one early renewal, never a late one.
      for (const t of this.tracked.values()) {
        t.expiresAt += delta;
        if (t.nextAt !== null) t.nextAt += delta;
      }
      for (const m of this.mfa.values()) m.expiresAt += delta;
    }
    this.emit({ type: 'clock-jump', deltaMs: delta, at: this.deps.clock.now() });
  }

  /** One timer, for the earliest thing due. */
  private plan(): void {
    if (this.timer) this.deps.timers.clearTimer(this.timer);
    this.timer = null;
    if (this.stopped || this.running) return;
    const deadlines: number[] = [];
    for (const t of this.tracked.values()) {
      if (t.nextAt !== null) deadlines.push(t.nextAt);
      if (!t.expiryHandled && t.status !== 'active') deadlines.push(t.expiresAt);
    }
    for (const m of this.mfa.values()) {
      for (const lead of this.warningLeads) if (!m.warned.has(lead)) deadlines.push(m.expiresAt - lead * 1000);
      deadlines.push(m.expiresAt);
    }
    if (deadlines.length === 0) return;
    const delay = Math.max(0, Math.min(...deadlines) - this.deps.clock.now(), this.waveRetryAt - this.deps.clock.now());
    this.timer = this.deps.timers.setTimer(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private emit(event: RenewalEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Maps `items` through `work` with at most `limit` in flight, keeping their order. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
