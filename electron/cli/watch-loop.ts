// The body of `sts-tray watch`: the renewal engine in the foreground of a terminal. The
// engine keeps the roles, including those waiting for an MFA code (activateOrWait,
// provideMfaCode, resumeWaiting); this loop only talks to the person: it asks for codes on a
// terminal, or, without one, says how to give one elsewhere and looks in the keychain for
// the MFA session that `sts-tray assume … --mfa-code` stores. The shared wake detector has
// the engine check after a sleep, as the tray does.

import { StsTrayError, describeError } from '../core/errors.js';
import type { AppConfig } from '../core/model.js';
import type { Clock, TimerHandle, Timers } from '../core/ports.js';
import type { RenewalEngine } from '../core/renewal/renewal-engine.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';
import { watchForWake } from '../core/renewal/wake-detector.js';
import { findRole } from '../core/sessions.js';
import type { CliIo } from './cli-io.js';
import { eventLine, stamp, stoppedLine, tellLine, validUntil, watchingLine } from './watch-lines.js';

export interface WatchRun {
  readonly engine: RenewalEngine;
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
  /** How often the wake detector compares the clocks. */
  readonly heartbeatMs?: number;
  readonly pickupMs?: number;
}

export const WATCH_DEFAULTS = { heartbeatMs: 60_000, pickupMs: 5_000, settleMs: 500 } as const;

/** Runs until `stop` resolves; throws only when the named roles cannot be started. */
export async function runWatch(run: WatchRun): Promise<void> {
  await new Watch(run).run();
}

type Why = 'needed' | 'ahead';

class Watch {
  /** Identities told (no terminal) how to provide a code, until it arrives. */
  private readonly told = new Set<string>();
  private readonly asking = new Set<string>();
  private prompts: Promise<void> = Promise.resolve();
  private ready = false;
  private stopped = false;
  private stopWake: () => void = () => {};
  private pickup: TimerHandle | null = null;
  private stopSelf: () => void = () => {};
  private readonly pickupMs: number;

  constructor(private readonly w: WatchRun) {
    this.pickupMs = w.pickupMs ?? WATCH_DEFAULTS.pickupMs;
  }

  private get engine(): RenewalEngine {
    return this.w.engine;
  }

  async run(): Promise<void> {
    const stop = Promise.race([this.w.stop, new Promise<void>((resolve) => (this.stopSelf = resolve))]);
    const unsubscribe = this.engine.on((event) => this.onEvent(event));
    try {
      const begun = this.begin().then(() => {
        this.line(watchingLine(this.engine.state(), this.w.clock.now()));
        this.ready = true;
        return this.resolveWaiting();
      });
      // A Ctrl-C during a slow start still stops at once; the start's outcome no longer matters.
      const first = await Promise.race([begun.then(() => 'begun' as const), stop.then(() => 'stop' as const)]);
      if (first === 'stop') {
        begun.catch(() => {});
        return;
      }
      this.stopWake = watchForWake({
        clock: this.w.clock,
        timers: this.w.timers,
        onWake: () => this.engine.checkNow(),
        // A `logout` in another terminal: stop renewing (and never write back) its roles.
        onBeat: () => void this.followStore(),
        periodMs: this.w.heartbeatMs ?? WATCH_DEFAULTS.heartbeatMs,
      });
      await stop;
    } finally {
      await this.finish();
      unsubscribe();
    }
  }

  private async begin(): Promise<void> {
    if (this.w.roles.length === 0) {
      await this.engine.start();
      await this.engine.idle();
      if (this.engine.state().roles.length === 0) {
        throw new StsTrayError(
          'not-found',
          'nothing to watch: no profile written by sts-tray was found. Name the roles (sts-tray watch tes stg) or switch to one first (sts-tray assume NAME)',
        );
      }
      return;
    }
    const config = await this.w.config();
    for (const name of this.w.roles) findRole(config, name); // a typo fails before any STS call
    for (const name of new Set(this.w.roles)) await this.engine.activateOrWait(name, this.w.mfaCode);
  }

  /**
   * Identities whose roles wait for a code at start. With no names they showed up in the
   * first wave, so the code from the command line goes to the first of them; the rest are
   * asked for (terminal) or told how (no terminal).
   */
  private async resolveWaiting(): Promise<void> {
    let code = this.w.roles.length === 0 ? this.w.mfaCode : undefined;
    for (const identity of this.engine.waitingForCode().keys()) {
      if (code !== undefined) {
        const given = code;
        code = undefined;
        try {
          await this.supply(identity, given);
          continue;
        } catch (error) {
          this.line(`${this.now()} the MFA code given for ${identity} was not accepted: ${describeError(error)}`);
        }
      }
      this.askOrTell(identity);
    }
  }

  private onEvent(event: RenewalEvent): void {
    if (this.stopped) return;
    this.line(eventLine(event));
    if (event.type === 'signed-out' && this.engine.state().roles.length === 0) {
      this.line(`${this.now()} nothing left to watch: every role was signed out`);
      this.stopSelf();
      return;
    }
    if (event.type === 'failed' && event.code === 'needs-mfa') {
      if (this.ready) this.askOrTell(event.identity);
    } else if (event.type === 'failed' && event.code === 'needs-sign-in') {
      // Only `sts-tray sso login` in another terminal helps: look for its sign-in now and then.
      this.schedulePickup();
    } else if (event.type === 'mfa-expiring' && !event.signIn && this.w.io.interactive) {
      this.ask(event.identity, 'ahead');
    }
  }

  private askOrTell(identity: string): void {
    if (this.w.io.interactive) {
      this.ask(identity, 'needed');
      return;
    }
    if (!this.told.has(identity)) {
      this.told.add(identity);
      const roles = this.engine.waitingForCode().get(identity) ?? [];
      this.line(tellLine(identity, roles, this.pickupMs, this.w.clock.now()));
    }
    this.schedulePickup();
  }

  /** One prompt at a time; a second request for the same identity joins the open one. */
  private ask(identity: string, why: Why): void {
    if (this.asking.has(identity) || this.stopped) return;
    this.asking.add(identity);
    this.prompts = this.prompts
      .then(() => this.askUntilDone(identity, why))
      .catch((error: unknown) => this.line(`${this.now()} asking for an MFA code failed: ${describeError(error)}`))
      .finally(() => this.asking.delete(identity));
  }

  private async askUntilDone(identity: string, why: Why): Promise<void> {
    for (;;) {
      if (this.stopped || (why === 'needed' && !this.engine.waitingForCode().has(identity))) return;
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
        this.line(`${this.now()} MFA code for ${identity} not accepted: ${describeError(error)}`);
        if (why === 'ahead') return;
      }
    }
  }

  /** Starts the identity's MFA session with a code; the engine then starts its waiting roles. */
  private async supply(identity: string, code: string): Promise<void> {
    await this.engine.provideMfaCode(identity, code);
    this.told.delete(identity);
    const expiresAt = this.mfaSessionEnd(identity);
    if (expiresAt !== null) this.line(`${this.now()} MFA session of ${identity} started: ${validUntil(expiresAt, this.w.clock.now())}`);
  }

  private async followStore(): Promise<void> {
    try {
      await this.engine.followStore();
    } catch (error) {
      this.line(`${this.now()} could not read the credentials file: ${describeError(error)}`);
    }
  }

  private schedulePickup(): void {
    if (this.pickup || this.stopped) return;
    this.pickup = this.w.timers.setTimer(() => {
      this.pickup = null;
      void this.pickUp();
    }, this.pickupMs);
  }

  /** Without a terminal: an MFA session started by another sts-tray resumes the waiting roles. */
  private async pickUp(): Promise<void> {
    if (this.stopped) return;
    try {
      const signIns = new Set(this.engine.waitingForSignIn().keys());
      for (const identity of await this.engine.resumeWaiting()) {
        this.told.delete(identity);
        const expiresAt = this.mfaSessionEnd(identity);
        const until = expiresAt === null ? '' : `: ${validUntil(expiresAt, this.w.clock.now())}`;
        const what = signIns.has(identity) ? 'IAM Identity Center sign-in' : 'MFA session';
        this.line(`${this.now()} found a new ${what} of ${identity} in the keychain${until}`);
      }
    } catch (error) {
      this.line(`${this.now()} could not look for a new MFA session in the keychain: ${describeError(error)}`);
    }
    if ((this.engine.waitingForCode().size > 0 && !this.w.io.interactive) || this.engine.waitingForSignIn().size > 0) this.schedulePickup();
  }

  private mfaSessionEnd(identity: string): number | null {
    return this.engine.state().mfaSessions.find((m) => m.identity === identity)?.expiresAt ?? null;
  }

  private async finish(): Promise<void> {
    this.stopped = true;
    this.stopWake();
    if (this.pickup) this.w.timers.clearTimer(this.pickup);
    this.pickup = null;
    this.engine.stop();
    // Let a renewal in flight finish its write (briefly), so no half-done work is cut off.
    let settle: TimerHandle | null = null;
    await Promise.race([
      this.engine.idle(),
      new Promise<void>((resolve) => (settle = this.w.timers.setTimer(resolve, WATCH_DEFAULTS.settleMs))),
    ]);
    if (settle) this.w.timers.clearTimer(settle);
    this.line(stoppedLine(this.engine.state(), this.w.clock.now()));
  }

  private now(): string {
    return stamp(this.w.clock.now());
  }

  private line(text: string): void {
    this.w.io.out(`${text}\n`);
  }
}
