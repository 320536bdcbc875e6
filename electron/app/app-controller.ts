// The tray app's state, free of Electron: the active role, why switches failed, the pending
// MFA prompt and the activity list, and the view the tray, the notifications and the window
// show. The request handlers by area (identity-, role-, session-, mfa-, preference-, import-, sso-, tool-requests.ts)
// and the tray's actions share its switch, copy and sign-out. Main wires it to Electron; the
// e2e harness to recording stand-ins; both run these very handlers.

import { asksBeforeSwitch } from '../contract/switch-rules.js';
import type { ActivationView, ActivityKind, AppView, MfaPrompt, Problem, RoleView } from '../contract/views.js';
import type { AppServices } from '../core/app-services.js';
import type { OwnedProfile } from '../core/credentials-file/aws-profile-store.js';
import { StsTrayError, describeError, isStsTrayError } from '../core/errors.js';
import { sessionExport, type ExportFormat } from '../core/export-format.js';
import { emptyConfig, type AppConfig, type Preferences, type Role } from '../core/model.js';
import type { Clock, RunMarker, TimerHandle, Timers } from '../core/ports.js';
import { beginRun, endRun } from '../core/run-marker.js';
import type { EngineState, RenewalEvent } from '../core/renewal/renewal-events.js';
import { wakeCheck } from '../core/renewal/wake-detector.js';
import { signOutAll, signOutRole } from '../core/sign-out.js';
import { findRole, profilesOf } from '../core/sessions.js';
import { identityStatuses, roleStatuses } from '../core/status-view.js';
import { ActivityLog, engineActivity } from './activity-log.js';
import type { ControllerContext } from './controller-context.js';
import { identityRequests } from './identity-requests.js';
import { importRequests } from './import-requests.js';
import { mainStrings } from './main-strings.js';
import { mfaRequests } from './mfa-requests.js';
import { preferenceRequests } from './preference-requests.js';
import { roleRequests } from './role-requests.js';
import { sessionRequests } from './session-requests.js';
import { ssoRequests } from './sso-requests.js';
import { SsoSignIns, ssoIdentityViews } from './sso-sign-ins.js';
import type { RequestHandlers, ShellEvent, ShellPorts } from './shell-ports.js';
import { openConsoleAndRecord, rotateAndReport, toolRequests } from './tool-requests.js';
import { keyFacts } from '../core/key-facts.js';

export interface AppControllerDeps {
  readonly services: AppServices;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly shell: ShellPorts;
  /** Present while the tray runs: the next start finishes what an unclean exit skipped. */
  readonly runMarker?: RunMarker;
  /** The OS locale (e.g. "ja-JP"), for the language preference 'system'. */
  readonly systemLocale: string;
}

type ViewListener = (view: AppView) => void;

const MINUTE = 60_000;

export class AppController implements ControllerContext {
  readonly handlers: RequestHandlers;
  readonly services: AppServices;
  readonly shell: ShellPorts;
  mfaPrompt: MfaPrompt | null = null;
  private activeRole: string | null = null;
  private readonly activity = new ActivityLog();
  /** Why a switch failed, for roles the engine does not track (it keeps its own errors). */
  private readonly switchErrors = new Map<string, Problem>();
  private readonly listeners = new Set<ViewListener>();
  private minuteTimer: TimerHandle | null = null;
  /** A sleep noticed from the minute timer, where the desktop reports no resume (or late). */
  private readonly woke: () => number | null;
  private emitQueued = false;
  private stopped = false;
  /**
   * The preferences as last read (start, each view, each save): the engine's events use
   * them, so a wave of a thousand renewals does not read the config a thousand times.
   */
  private knownPreferences: Preferences = emptyConfig().preferences;
  private readonly ssoSignIns: SsoSignIns;
  /** Tray actions (a rotation, a console) waiting for an identity's MFA code. */
  private readonly afterMfa = new Map<string, () => Promise<void>>();

  constructor(private readonly deps: AppControllerDeps) {
    this.services = deps.services;
    this.woke = wakeCheck(deps);
    this.shell = deps.shell;
    this.ssoSignIns = new SsoSignIns({
      services: deps.services,
      record: (kind, subject, detail) => this.record(kind, subject, detail),
      changed: () => this.changed(),
      openExternal: deps.shell.openExternal,
    });
    this.handlers = {
      'state:get': () => this.view(),
      ...identityRequests(this),
      ...roleRequests(this),
      ...sessionRequests(this),
      ...mfaRequests(this),
      ...preferenceRequests(this),
      ...importRequests(this),
      ...ssoRequests(this, this.ssoSignIns),
      ...toolRequests(this),
    };
    deps.services.engine.on((event) => this.onEngineEvent(event));
  }

  /** Takes over the profiles we own, picks the active role, applies launch-at-login. */
  async start(): Promise<void> {
    await this.finishUncleanExit();
    try {
      const config = await this.services.configStore.load();
      this.knownPreferences = config.preferences;
      await this.services.engine.start();
      this.activeRole = initialActiveRole(config, this.services.engine.state(), this.now());
      this.shell.setLaunchAtLogin(config.preferences.launchAtLogin);
      this.noticeKeys(config);
    } catch (error) {
      // A broken config or credentials file: the view says why; nothing is rewritten.
      this.record('start-failed', 'start', describeError(error));
    }
    this.changed();
  }

  /** Before renewal starts: the quit-time cleanup a crash or a skipped logoff left undone. */
  private async finishUncleanExit(): Promise<void> {
    const marker = this.deps.runMarker;
    if (!marker) return;
    try {
      const { removedLeftovers } = await beginRun({
        marker,
        onQuit: () => this.services.configStore.load().then((c) => c.preferences.onQuit, () => 'keep' as const),
        removeOwnedProfiles: () => this.services.profiles.removeAllOwned(),
      });
      if (removedLeftovers) this.record('signed-out', 'all', 'profiles left by an unclean exit removed');
    } catch (error) {
      this.record('start-failed', 'start', describeError(error));
    }
  }

  onView(listener: ViewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async view(): Promise<AppView> {
    const { services } = this;
    const now = this.now();
    let config = emptyConfig();
    let configError: Problem | null = null;
    try {
      config = await services.configStore.load();
      this.knownPreferences = config.preferences;
    } catch (error) {
      configError = problemOf(error);
    }
    let owned: OwnedProfile[] = [];
    try {
      owned = await services.profiles.listOwned();
    } catch (error) {
      configError ??= problemOf(error);
    }
    const state = services.engine.state();
    // mfaExpiry absorbs an unreachable keychain: the window still shows everything else.
    const identities = await identityStatuses(config, (name) => this.mfaExpiry(name), now, state);
    const roles: RoleView[] = roleStatuses(config, owned, now, state).map((row) => ({
      ...row,
      lastError: row.lastError ?? this.switchErrors.get(row.role.name) ?? null,
      active: this.activeRole === row.role.name,
    }));
    return {
      now,
      activeRole: config.roles.some((r) => r.name === this.activeRole) ? this.activeRole : null,
      identities,
      roles,
      preferences: config.preferences,
      paths: { credentials: services.awsFiles.credentials, config: services.awsFiles.config, appConfig: services.configStore.path },
      activity: this.activity.list(),
      mfaPrompt: this.mfaPrompt,
      configError,
      systemLocale: this.deps.systemLocale.slice(0, 35),
      ssoIdentities: await ssoIdentityViews(services, config, state),
      ssoSignIn: this.ssoSignIns.current(),
    };
  }

  /** A tray or notification click: starts an IAM Identity Center sign-in and shows the window with its code. */
  async signInSso(identity: string): Promise<void> {
    try {
      await this.ssoSignIns.start(identity);
      this.shell.showWindow();
    } catch (error) {
      this.record('sso-sign-in-failed', identity, describeError(error));
      this.changed();
    }
  }

  // ---- what the tray and the system call ----

  /** A tray click on a role: confirm prd (preference), switch, or open the MFA prompt. */
  async switchRole(roleName: string): Promise<void> {
    try {
      const config = await this.services.configStore.load();
      const role = findRole(config, roleName);
      if (asksBeforeSwitch(role, config.preferences)) {
        const strings = mainStrings(config.preferences.language, this.deps.systemLocale);
        const yes = await this.shell.confirm(strings.confirmPrd(role.name, role.roleArn, profilesOf(role)));
        if (!yes) return;
      }
      await this.activate(role);
    } catch (error) {
      await this.afterFailedSwitch(roleName, error);
    }
  }

  /** Puts the export lines of a role (default: the active one) on the clipboard. */
  async copyExports(format: ExportFormat, roleName?: string): Promise<void> {
    try {
      await this.copy(format, roleName);
    } catch (error) {
      await this.afterFailedSwitch(roleName ?? this.activeRole ?? '', error);
    }
  }

  async renewNow(): Promise<void> {
    this.services.engine.renewNow();
    await this.services.engine.idle();
    this.changed();
  }

  async signOutAll(): Promise<void> {
    try {
      await this.signOut(undefined);
    } catch (error) {
      this.record('sign-out-failed', 'all', describeError(error));
      this.changed();
    }
  }

  /** Asks the user for a code (a notification click, a role needing MFA); shows the window. */
  promptMfa(identity: string, reason: MfaPrompt['reason'], role: string | null = null): void {
    // Already asking for this identity's code (a renewal, a tray click, a tool's request):
    // one prompt, not one per asker.
    if (this.mfaPrompt?.identity === identity) return;
    void this.services.configStore.load().then(
      (config) => {
        const found = config.identities.find((i) => i.name === identity);
        if (!found) return;
        this.mfaPrompt = { identity, mfaSerial: found.mfaSerial ?? null, role, reason };
        this.shell.showWindow();
        this.changed();
      },
      (error: unknown) => this.record('prompt-failed', identity, describeError(error)),
    );
  }

  /** The tray's "Rotate key…": rotates, or asks for the code first and rotates once it is in. */
  async rotateKeyNow(identity: string): Promise<void> {
    await this.afterCode(identity, () => rotateAndReport(this, identity, undefined).then(() => undefined));
  }

  /** The tray's "Open AWS console": as the active role (a code first when one is needed). */
  async openActiveConsole(): Promise<void> {
    const role = this.activeRole;
    if (role === null) return;
    const identity = (await this.services.configStore.load()).roles.find((r) => r.name === role)?.identity;
    if (identity === undefined) return;
    await this.afterCode(identity, async () => {
      try {
        await openConsoleAndRecord(this, { target: { role } });
      } catch (error) {
        if (isStsTrayError(error) && error.code === 'needs-mfa') throw error;
        this.record('console-failed', role, describeError(error));
        this.changed();
      }
    });
  }

  takeAfterMfa(identity: string): (() => Promise<void>) | undefined {
    const action = this.afterMfa.get(identity);
    this.afterMfa.delete(identity);
    return action;
  }

  notify(event: ShellEvent): void {
    this.shell.notices.handle(event, this.knownPreferences);
  }

  /** Runs a tray action; when it needs a code, the MFA prompt opens and the action runs again once the code is in. */
  private async afterCode(identity: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (!(isStsTrayError(error) && error.code === 'needs-mfa')) return;
      this.afterMfa.set(identity, () => action().catch(() => undefined));
      this.promptMfa(identity, 'needs-mfa');
    }
  }

  /** At start: keys past the age preference (from the config alone), rotations left unfinished (IAM asked in the background). */
  private noticeKeys(config: AppConfig): void {
    const at = this.now();
    for (const identity of config.identities) {
      if (identity.rotation) void this.noticeUnfinishedRotation(identity.name, at);
      const stored = identity.keyStoredAt === undefined ? Number.NaN : Date.parse(identity.keyStoredAt);
      const ageDays = Math.floor((at - stored) / 86_400_000);
      if (ageDays >= config.preferences.keys.maxAgeDays) this.notify({ type: 'key-old', identity: identity.name, ageDays, at });
    }
  }

  /**
   * A rotation noted in the config and never finished: IAM's key list against the keychain
   * (key facts) says what was left — a key whose secret was lost, one stored but not in use —
   * and the notice says it; without IAM's answer the notice still goes out.
   */
  private async noticeUnfinishedRotation(identity: string, at: number): Promise<void> {
    let leftover: string | null = null;
    try {
      const facts = await keyFacts(this.services, identity);
      const left = facts.otherKeys.find((k) => k.kind === 'orphan' || k.kind === 'staged' || k.kind === 'replaced');
      leftover = left ? `${left.accessKeyId}: ${left.advice}` : null;
    } catch {
      // Offline or not allowed: the rotation itself will say what stands in its way.
    }
    this.notify({ type: 'rotation-interrupted', identity, leftover, at });
  }

  /** The desktop refused a copy or clear of the export lines: tell the user. */
  clipboardRefused(action: 'copy' | 'clear'): void {
    const at = this.now();
    // An unreadable config must not silence it: the defaults carry the language then.
    void this.preferences()
      .catch(() => emptyConfig().preferences)
      .then((preferences) => this.shell.notices.handle({ type: 'clipboard-refused', action, at }, preferences));
  }

  /** Resume, unlock, network back, a wake noticed: run what is due now. */
  checkNow(): void {
    this.services.engine.checkNow();
    void this.resumeWaiting();
  }

  /** On quit: clear our clipboard content, remove our profiles if asked to, stop timers. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.minuteTimer) this.deps.timers.clearTimer(this.minuteTimer);
    this.minuteTimer = null;
    this.services.engine.stop();
    try {
      await this.shell.clipboard.clearIfOurs();
    } catch {
      // A clipboard we cannot read or clear must not keep the app from quitting.
    }
    try {
      const config = await this.services.configStore.load();
      if (config.preferences.onQuit === 'remove') await this.services.profiles.removeAllOwned();
      // Only once the cleanup is done: if it failed, the next start tries again.
      if (this.deps.runMarker) await endRun(this.deps.runMarker);
    } finally {
      this.services.close();
    }
  }

  // ---- the work behind the tray, the window and the handlers ----

  now(): number {
    return this.deps.clock.now();
  }

  async activate(role: Role, mfaCode?: string): Promise<ActivationView> {
    const activation = await this.services.engine.activate(role.name, mfaCode);
    this.activeRole = role.name;
    this.switchErrors.delete(role.name);
    if (this.mfaPrompt?.identity === role.identity) this.mfaPrompt = null;
    const at = this.now();
    if (mfaCode !== undefined) this.record('mfa-started', role.identity, null);
    this.record('switched', role.name, activation.profiles.map((p) => `[${p}]`).join(' '));
    const preferences = await this.preferences();
    this.shell.notices.handle({ type: 'recovered', role: role.name, at }, preferences);
    this.shell.notices.handle({ type: 'switched', role: role.name, env: role.env, at }, preferences);
    this.changed();
    return {
      role: activation.role,
      profiles: [...activation.profiles],
      expiresAt: activation.expiresAt,
      assumedRoleArn: activation.assumedRoleArn,
      notices: [...activation.notices],
    };
  }

  async copy(format: ExportFormat, roleName: string | undefined): Promise<{ clearsAt: number }> {
    const name = roleName ?? this.activeRole;
    if (name === null) throw new StsTrayError('usage', 'no role is active: switch to a role first, or choose one');
    const lines = sessionExport(format, await this.services.sessions.roleSession(name));
    const preferences = await this.preferences();
    const clearsAt = this.shell.clipboard.copy(lines, preferences.clipboardClearSeconds * 1000);
    this.record('copied', name, format);
    this.changed();
    return { clearsAt };
  }

  async signOut(roleName: string | undefined): Promise<{ removed: string[] }> {
    const { services } = this;
    const { engine } = services;
    if (roleName === undefined) {
      for (const r of engine.state().roles) engine.deactivate(r.role);
      this.activeRole = null;
    } else {
      findRole(await services.configStore.load(), roleName);
      engine.deactivate(roleName);
      if (this.activeRole === roleName) this.activeRole = null;
    }
    const report = roleName === undefined ? await signOutAll(services) : await signOutRole(services, roleName);
    this.record('signed-out', roleName ?? 'all', report.removed.map((p) => `[${p}]`).join(' ') || null);
    this.changed();
    return { removed: [...report.removed] };
  }

  forgetRole(name: string): void {
    this.services.engine.deactivate(name);
    this.switchErrors.delete(name);
    if (this.activeRole === name) this.activeRole = null;
  }

  async roleView(name: string): Promise<RoleView> {
    const view = await this.changedNow();
    const found = view.roles.find((r) => r.role.name === name);
    if (!found) throw new StsTrayError('not-found', `no role named "${name}"`);
    return found;
  }

  record(kind: ActivityKind, subject: string, detail: string | null, at = this.now()): void {
    this.activity.record(kind, subject, detail, at);
  }

  private async preferences(): Promise<Preferences> {
    try {
      this.knownPreferences = (await this.services.configStore.load()).preferences;
    } catch {
      // An unreadable config: keep the last preferences known (the view reports the problem).
    }
    return this.knownPreferences;
  }

  rememberPreferences(preferences: Preferences): void {
    this.knownPreferences = preferences;
  }

  async mfaExpiry(identity: string): Promise<number | null> {
    return this.services.sessions.mfaSessionExpiresAt(identity).catch(() => null);
  }

  /** Sends a new view to every listener, once per burst of changes. */
  changed(): void {
    if (this.emitQueued || this.stopped) return;
    this.emitQueued = true;
    queueMicrotask(() => {
      this.emitQueued = false;
      void this.changedNow();
    });
  }

  async changedNow(): Promise<AppView> {
    const view = await this.view();
    for (const listener of this.listeners) listener(view);
    this.planMinute(view);
    return view;
  }

  // ---- inside ----

  private async afterFailedSwitch(roleName: string, error: unknown): Promise<void> {
    if (isStsTrayError(error) && error.code === 'needs-mfa') {
      const config = await this.services.configStore.load().catch(() => null);
      const role = config?.roles.find((r) => r.name === roleName);
      if (role) {
        this.promptMfa(role.identity, 'needs-mfa', roleName);
        return;
      }
    }
    if (roleName) this.switchErrors.set(roleName, problemOf(error));
    this.record('switch-failed', roleName || 'tray', describeError(error));
    this.changed();
  }

  private onEngineEvent(event: RenewalEvent): void {
    const entry = engineActivity(event);
    if (entry) this.record(entry.kind, entry.subject, entry.detail, event.at);
    if (event.type === 'signed-out' && this.activeRole === event.role) this.activeRole = null;
    this.notify(event);
    this.changed();
  }

  /**
   * While a session runs, the countdowns in the tray move each minute, and each minute checks
   * for a sleep the desktop did not report (core's wake check, as `watch` does). While a role
   * waits for a code, each minute also looks for an MFA session started elsewhere (a terminal).
   */
  private planMinute(view: AppView): void {
    if (this.minuteTimer) this.deps.timers.clearTimer(this.minuteTimer);
    this.minuteTimer = null;
    const running = view.roles.some((r) => r.expiresAt !== null && r.expiresAt > view.now);
    // A role stopped for an IAM Identity Center sign-in waits too: `sts-tray sso login` may end it.
    const waiting = view.roles.some((r) => r.status === 'needs-mfa' || r.lastError?.code === 'needs-sign-in');
    if ((!running && !waiting) || this.stopped) return;
    this.minuteTimer = this.deps.timers.setTimer(() => {
      this.minuteTimer = null;
      if (this.woke() !== null) this.checkNow();
      else if (waiting) void this.resumeWaiting();
      // A `sts-tray logout` in a terminal: its roles stop renewing here too (an event each).
      if (running) void this.services.engine.followStore().catch((error: unknown) => this.record('renew-failed', 'renewal', describeError(error)));
      this.changed();
    }, MINUTE - (view.now % MINUTE));
  }

  private async resumeWaiting(): Promise<void> {
    try {
      if ((await this.services.engine.resumeWaiting()).length > 0) this.changed();
    } catch (error) {
      this.record('renew-failed', 'renewal', describeError(error));
      this.changed();
    }
  }
}

/** After a restart: the role mirrored to [default] if it runs, else the one that ends last. */
function initialActiveRole(config: AppConfig, state: EngineState, now: number): string | null {
  const running = state.roles.filter((r) => r.expiresAt !== null && r.expiresAt > now);
  const mirrored = running.find((r) => config.roles.find((c) => c.name === r.role)?.mirrorDefault);
  if (mirrored) return mirrored.role;
  const latest = [...running].sort((a, b) => (b.expiresAt ?? 0) - (a.expiresAt ?? 0))[0];
  return latest?.role ?? null;
}

function problemOf(error: unknown): Problem {
  return { code: isStsTrayError(error) ? error.code : 'internal', message: describeError(error) };
}
