// `sts-tray watch [NAME ...]`: the renewal engine in the foreground of a terminal, for people
// without a tray (WSL, Linux servers, terminal users). One line per event; an MFA code is
// asked on the terminal when one is needed, or, without a terminal, picked up from the
// keychain once `sts-tray assume … --mfa-code` ran elsewhere; Ctrl-C stops it cleanly.

import type { AppConfig } from '../core/model.js';
import { StsTrayError, describeError } from '../core/errors.js';
import { MFA_SESSION_MIN_REMAINING_MS } from '../core/mfa-session-cache.js';
import type { Clock, TimerHandle, Timers } from '../core/ports.js';
import { clockTimeWithSeconds, span, type TimeFormatter } from '../core/time.js';
import type { RenewalEngine } from '../core/renewal/renewal-engine.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';
import { findRole, type SessionService } from '../core/sessions.js';
import { SystemTimers, systemClock } from '../adapters/system-timers.js';
import type { CliIo } from './cli-io.js';
import { stringOption, type CommandContext } from './command-context.js';

export interface WatchRun {
  readonly engine: RenewalEngine;
  readonly sessions: Pick<SessionService, 'mfaSessionExpiresAt'>;
  readonly config: () => Promise<AppConfig>;
  readonly io: CliIo;
  readonly clock: Clock;
  readonly timers: Timers;
  /** Roles to activate; none: every profile sts-tray already owns. */
  readonly roles: readonly string[];
  /** --mfa-code: used for the first MFA session needed at start, then forgotten. */
  readonly mfaCode?: string | undefined;
  /** Resolves when the user asks to stop (Ctrl-C, SIGTERM). */
  readonly stop: Promise<void>;
  readonly heartbeatMs?: number;
  readonly pickupMs?: number;
}

export const WATCH_DEFAULTS = { heartbeatMs: 60_000, pickupMs: 5_000, settleMs: 500 } as const;
/** Wall-clock and monotonic time parting by more than this means a sleep or a clock change. */
const DRIFT_MS = 2_000;

/**
 * 14:05:09 in local time: renewals of short sessions are seconds apart. The formatter is
 * made on first use, not at the start of every command.
 */
function stamp(ms: number): string {
  return (localSeconds ??= clockTimeWithSeconds())(ms);
}
let localSeconds: TimeFormatter | undefined;

/** The line `watch` prints for an engine event. */
export function eventLine(event: RenewalEvent): string {
  const at = stamp(event.at);
  switch (event.type) {
    case 'renewed':
      return `${at} renewed ${event.role}: valid until ${stamp(event.expiresAt)}`;
    case 'failed': {
      const who = `${event.role} renewal`;
      if (event.code === 'needs-mfa') return `${at} ${who} needs an MFA code: ${event.message}`;
      const next = event.retryAt === null ? 'not retrying until you fix this' : `retrying at ${stamp(event.retryAt)}`;
      return `${at} ${who} failed (${event.code}): ${event.message}; ${next}`;
    }
    case 'mfa-expiring':
      return `${at} the MFA session of ${event.identity} ends at ${stamp(event.expiresAt)} (in ${span(event.expiresAt - event.at)}); renewals after that need a new code`;
    case 'expired':
      return `${at} ${event.role} expired: its profile no longer works until it is renewed`;
    case 'clock-jump':
      return `${at} the clock jumped ${event.deltaMs > 0 ? 'forward' : 'back'} ${span(event.deltaMs)} (sleep or clock change): checking every role now`;
    case 'wave-failed':
      return `${at} renewal could not run (${event.code}): ${event.message}; trying again at the next deadline`;
  }
}

/** Runs until `stop` resolves; throws only when the named roles cannot be started. */
export async function runWatch(run: WatchRun): Promise<void> {
  await new Watch(run).run();
}

type Why = 'needed' | 'ahead';

class Watch {
  /** Roles waiting for an MFA code, by identity. */
  private readonly waiting = new Map<string, Set<string>>();
  /** Identities told (no terminal) how to provide a code, until it arrives. */
  private readonly told = new Set<string>();
  private readonly asking = new Set<string>();
  private prompts: Promise<void> = Promise.resolve();
  private ready = false;
  private stopped = false;
  private heartbeat: TimerHandle | null = null;
  private pickup: TimerHandle | null = null;
  private lastWall = 0;
  private lastMono = 0;
  private stopSelf: () => void = () => {};
  private readonly heartbeatMs: number;
  private readonly pickupMs: number;

  constructor(private readonly w: WatchRun) {
    this.heartbeatMs = w.heartbeatMs ?? WATCH_DEFAULTS.heartbeatMs;
    this.pickupMs = w.pickupMs ?? WATCH_DEFAULTS.pickupMs;
  }

  async run(): Promise<void> {
    const stop = Promise.race([this.w.stop, new Promise<void>((resolve) => (this.stopSelf = resolve))]);
    const unsubscribe = this.w.engine.on((event) => this.onEvent(event));
    try {
      const begun = this.begin().then(() => {
        this.line(this.watchingLine());
        this.ready = true;
        return this.resolveWaiting();
      });
      // A Ctrl-C during a slow start still stops at once; the start's outcome no longer matters.
      const first = await Promise.race([begun.then(() => 'begun' as const), stop.then(() => 'stop' as const)]);
      if (first === 'stop') {
        begun.catch(() => {});
        return;
      }
      this.beat();
      await stop;
    } finally {
      await this.finish();
      unsubscribe();
    }
  }

  private async begin(): Promise<void> {
    const { engine } = this.w;
    if (this.w.roles.length === 0) {
      await engine.start();
      await engine.idle();
      if (engine.state().roles.length === 0) {
        throw new StsTrayError(
          'not-found',
          'nothing to watch: no profile written by sts-tray was found. Name the roles (sts-tray watch tes stg) or switch to one first (sts-tray assume NAME)',
        );
      }
    } else {
      const config = await this.w.config();
      for (const name of this.w.roles) findRole(config, name); // a typo fails before any STS call
      for (const name of new Set(this.w.roles)) {
        try {
          await engine.activate(name, this.w.mfaCode);
        } catch (error) {
          if (!isNeedsMfa(error)) throw error;
          this.wait(findRole(config, name).identity, name);
        }
      }
    }
  }

  /**
   * Roles found waiting for a code at start. With no names they showed up as events of the
   * first wave, so the code from the command line goes to the first of them; the rest are
   * asked for (terminal) or told how (no terminal).
   */
  private async resolveWaiting(): Promise<void> {
    let code = this.w.roles.length === 0 ? this.w.mfaCode : undefined;
    for (const identity of [...this.waiting.keys()]) {
      if (code !== undefined) {
        const given = code;
        code = undefined;
        try {
          await this.supply(identity, given);
          continue;
        } catch (error) {
          this.line(`${stamp(this.w.clock.now())} the MFA code given for ${identity} was not accepted: ${describeError(error)}`);
        }
      }
      this.askOrTell(identity);
    }
  }

  private watchingLine(): string {
    const roles = this.w.engine.state().roles;
    const parts = roles.map((r) => {
      const until = r.expiresAt === null ? '' : `, valid until ${stamp(r.expiresAt)}`;
      const next = r.nextRenewalAt === null ? '' : `, next renewal ${stamp(r.nextRenewalAt)}`;
      return `${r.role} (${r.status}${until}${next})`;
    });
    const waitingOnly = [...this.waiting.values()].flatMap((set) => [...set]).filter((name) => !roles.some((r) => r.role === name));
    const all = [...parts, ...waitingOnly.map((name) => `${name} (waiting for an MFA code)`)];
    return `${stamp(this.w.clock.now())} watching ${all.join(', ')}; Ctrl-C stops`;
  }

  private onEvent(event: RenewalEvent): void {
    if (this.stopped) return;
    this.line(eventLine(event));
    if (event.type === 'failed' && event.code === 'needs-mfa') {
      const identity = this.w.engine.state().roles.find((r) => r.role === event.role)?.identity;
      if (identity !== undefined) {
        this.wait(identity, event.role);
        if (this.ready) this.askOrTell(identity);
      }
    } else if (event.type === 'mfa-expiring' && this.w.io.interactive) {
      this.ask(event.identity, 'ahead');
    }
  }

  private wait(identity: string, role: string): void {
    const roles = this.waiting.get(identity) ?? new Set<string>();
    roles.add(role);
    this.waiting.set(identity, roles);
  }

  private askOrTell(identity: string): void {
    if (this.w.io.interactive) {
      this.ask(identity, 'needed');
      return;
    }
    if (!this.told.has(identity)) {
      this.told.add(identity);
      const roles = [...(this.waiting.get(identity) ?? [])];
      this.line(
        `${stamp(this.w.clock.now())} ${roles.join(', ')} ${roles.length === 1 ? 'waits' : 'wait'} for an MFA code of ${identity}, and this terminal cannot ask for one: ` +
          `in another terminal run  sts-tray assume ${roles[0] ?? 'NAME'} --mfa-code CODE  — the MFA session is shared through the keychain and watch picks it up within ${span(this.pickupMs)}`,
      );
    }
    this.schedulePickup();
  }

  /** One prompt at a time; a second request for the same identity joins the open one. */
  private ask(identity: string, why: Why): void {
    if (this.asking.has(identity) || this.stopped) return;
    this.asking.add(identity);
    this.prompts = this.prompts
      .then(() => this.askUntilDone(identity, why))
      .catch((error: unknown) => this.line(`${stamp(this.w.clock.now())} asking for an MFA code failed: ${describeError(error)}`))
      .finally(() => this.asking.delete(identity));
  }

  private async askUntilDone(identity: string, why: Why): Promise<void> {
    for (;;) {
      if (this.stopped || (why === 'needed' && !this.waiting.has(identity))) return;
      let code: string;
      try {
        code = await this.w.io.ask(
          why === 'needed' ? `MFA code for ${identity}: ` : `MFA code for ${identity} (starts a new MFA session now; Enter skips): `,
        );
      } catch {
        // The prompt was cancelled (Ctrl-C at the prompt): the user wants out.
        this.stopSelf();
        return;
      }
      if (this.stopped) return;
      if (code === '') {
        if (why === 'ahead') return;
        continue;
      }
      try {
        await this.supply(identity, code);
        return;
      } catch (error) {
        this.line(`${stamp(this.w.clock.now())} MFA code for ${identity} not accepted: ${describeError(error)}`);
        if (why === 'ahead') return;
      }
    }
  }

  /** Starts the identity's MFA session with a code and gets its waiting roles going again. */
  private async supply(identity: string, code: string): Promise<void> {
    await this.w.engine.provideMfaCode(identity, code);
    const expiresAt = await this.w.sessions.mfaSessionExpiresAt(identity);
    if (expiresAt !== null) this.line(`${stamp(this.w.clock.now())} MFA session of ${identity} started: ${this.until(expiresAt)}`);
    // provideMfaCode renews the roles the engine tracks; roles that never started need activating.
    await this.resume(identity, false);
  }

  /** Roles of `identity` waiting for a code: activated now that a session exists. */
  private async resume(identity: string, trackedToo: boolean): Promise<void> {
    const roles = this.waiting.get(identity);
    this.waiting.delete(identity);
    this.told.delete(identity);
    if (!roles) return;
    const tracked = new Set(this.w.engine.state().roles.map((r) => r.role));
    for (const role of roles) {
      if (tracked.has(role) && !trackedToo) continue;
      try {
        const activation = await this.w.engine.activate(role);
        this.line(`${stamp(this.w.clock.now())} ${role} active: valid until ${stamp(activation.expiresAt)}`);
      } catch (error) {
        if (isNeedsMfa(error)) {
          this.wait(identity, role);
          this.askOrTell(identity);
        } else {
          this.line(`${stamp(this.w.clock.now())} ${role} could not be started: ${describeError(error)}`);
        }
      }
    }
  }

  private schedulePickup(): void {
    if (this.pickup || this.stopped) return;
    this.pickup = this.w.timers.setTimer(() => {
      this.pickup = null;
      void this.pickUp();
    }, this.pickupMs);
  }

  /** Without a terminal: looks in the keychain for an MFA session started by another sts-tray. */
  private async pickUp(): Promise<void> {
    for (const identity of [...this.waiting.keys()]) {
      if (this.stopped) return;
      try {
        const expiresAt = await this.w.sessions.mfaSessionExpiresAt(identity);
        if (expiresAt === null || expiresAt - this.w.clock.now() <= MFA_SESSION_MIN_REMAINING_MS) continue;
        this.line(`${stamp(this.w.clock.now())} found a new MFA session of ${identity} in the keychain: ${this.until(expiresAt)}`);
        // The engine does not retry roles that wait for a code by itself: activate them again.
        await this.resume(identity, true);
      } catch (error) {
        this.line(`${stamp(this.w.clock.now())} could not look for an MFA session of ${identity}: ${describeError(error)}`);
      }
    }
    if (this.waiting.size > 0 && !this.w.io.interactive) this.schedulePickup();
  }

  /**
   * A terminal has no resume/unlock events (Electron's powerMonitor gives the tray those).
   * Timers run on monotonic time, which stands still while the machine sleeps, so a renewal
   * due during a sleep would fire only as late as the sleep was long: credentials could be
   * expired for hours. Once a minute, compare how far wall-clock and monotonic time moved;
   * when they part by more than 2 s, let the engine check now. It costs one timer a minute
   * and no STS call; the engine itself stays deadline-driven.
   */
  private beat(): void {
    this.lastWall = this.w.clock.now();
    this.lastMono = this.w.timers.monotonic();
    this.heartbeat = this.w.timers.setTimer(() => {
      this.heartbeat = null;
      const wall = this.w.clock.now() - this.lastWall;
      const mono = this.w.timers.monotonic() - this.lastMono;
      if (Math.abs(wall - mono) > DRIFT_MS) this.w.engine.checkNow();
      if (!this.stopped) this.beat();
    }, this.heartbeatMs);
  }

  private async finish(): Promise<void> {
    this.stopped = true;
    for (const handle of [this.heartbeat, this.pickup]) if (handle) this.w.timers.clearTimer(handle);
    this.heartbeat = null;
    this.pickup = null;
    this.w.engine.stop();
    // Let a renewal in flight finish its write (briefly), so no half-done work is cut off.
    let settle: TimerHandle | null = null;
    await Promise.race([
      this.w.engine.idle(),
      new Promise<void>((resolve) => (settle = this.w.timers.setTimer(resolve, WATCH_DEFAULTS.settleMs))),
    ]);
    if (settle) this.w.timers.clearTimer(settle);
    const valid = this.w.engine.state().roles.filter((r) => r.expiresAt !== null && r.expiresAt > this.w.clock.now());
    const left = valid.map((r) => `${r.role} until ${stamp(r.expiresAt ?? 0)}`).join(', ');
    this.line(`${stamp(this.w.clock.now())} stopped; renewals end here${left ? ` (still valid: ${left})` : ''}`);
  }

  /** "valid until 21:00:00 (12 h 0 min)": a bare time hours ahead could be read as today's. */
  private until(ms: number): string {
    return `valid until ${stamp(ms)} (${span(ms - this.w.clock.now())})`;
  }

  private line(text: string): void {
    this.w.io.out(`${text}\n`);
  }
}

function isNeedsMfa(error: unknown): boolean {
  return error instanceof StsTrayError && error.code === 'needs-mfa';
}

/** The `watch` command on the real process: system timers, signals, the terminal. */
export async function watch(ctx: CommandContext): Promise<void> {
  // The engine's timers do not hold the process; watch's own (the heartbeat) do: its loop is
  // why the process runs.
  const timers = new SystemTimers({ unref: false });
  let onSignal: () => void = () => {};
  const stop = new Promise<void>((resolve) => (onSignal = resolve));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // While an MFA prompt is open the terminal is in raw mode: Ctrl-C is a keypress that
  // closes the prompt, not a SIGINT. The user still means "stop".
  const onKey = (_text: unknown, key: { ctrl?: boolean; name?: string } | undefined) => {
    if (key?.ctrl === true && key.name === 'c') onSignal();
  };
  if (ctx.io.interactive) process.stdin.on('keypress', onKey);
  try {
    await runWatch({
      engine: ctx.services.engine,
      sessions: ctx.services.sessions,
      config: () => ctx.services.configStore.load(),
      io: ctx.io,
      clock: systemClock,
      timers,
      roles: ctx.args,
      mfaCode: stringOption(ctx, 'mfa-code'),
      stop,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (ctx.io.interactive) {
      process.stdin.off('keypress', onKey);
      // A prompt still open (stopped by SIGTERM) would keep reading the terminal, and the process alive.
      process.stdin.pause();
    }
  }
}
