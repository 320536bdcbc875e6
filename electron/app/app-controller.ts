// The tray app's heart, free of Electron: answers every IPC request, keeps the view the
// tray, the notifications and the renderer show (active role, role states, activity, a
// pending MFA prompt), and turns the renewal engine's events into activity and notices.
// Main wires it to Electron; the e2e harness wires it to recording stand-ins; both use
// the very same handlers.

import { roleArnFrom } from '../contract/sts-limits.js';
import type { ActivationView, ActivityEntry, ActivityKind, AppView, IdentityView, MfaPrompt, Problem, RoleView } from '../contract/views.js';
import { ACTIVITY_LIMIT } from '../contract/views.js';
import type { AppServices } from '../core/app-services.js';
import type { OwnedProfile } from '../core/credentials-file/aws-profile-store.js';
import { StsTrayError, describeError, isStsTrayError } from '../core/errors.js';
import { renderExport, type ExportFormat } from '../core/export-format.js';
import { addIdentity, removeIdentity } from '../core/identity-admin.js';
import { maskKeyId } from '../core/identity-keys.js';
import { emptyConfig, profileOf, type AppConfig, type Preferences, type Role } from '../core/model.js';
import type { Clock, TimerHandle, Timers } from '../core/ports.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';
import type { RenewalEngine } from '../core/renewal/renewal-engine.js';
import { removeRole, saveRole, saveRoles } from '../core/role-admin.js';
import { signOutAll, signOutRole } from '../core/sign-out.js';
import { findRole, profilesOf, profileWrites } from '../core/sessions.js';
import { mainStrings } from './main-strings.js';
import { RequestError } from './request-error.js';
import type { RequestHandlers, ShellPorts } from './shell-ports.js';

export interface AppControllerDeps {
  readonly services: AppServices;
  readonly engine: RenewalEngine;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly shell: ShellPorts;
  /** The OS locale (e.g. "ja-JP"), for the language preference 'system'. */
  readonly systemLocale: string;
}

type ViewListener = (view: AppView) => void;

const MINUTE = 60_000;
const ENV_ROLES = ['tes', 'stg', 'prd'] as const;

export class AppController {
  readonly handlers: RequestHandlers;
  private activeRole: string | null = null;
  private activity: ActivityEntry[] = [];
  private mfaPrompt: MfaPrompt | null = null;
  /** Why a switch failed, for roles the engine does not track (it keeps its own errors). */
  private readonly switchErrors = new Map<string, Problem>();
  private readonly listeners = new Set<ViewListener>();
  private minuteTimer: TimerHandle | null = null;
  private emitQueued = false;
  private stopped = false;
  /**
   * The preferences as last read (start, each view, each save): the engine's events use
   * them, so a wave of a thousand renewals does not read the config a thousand times.
   */
  private knownPreferences: Preferences = emptyConfig().preferences;

  constructor(private readonly deps: AppControllerDeps) {
    this.handlers = this.createHandlers();
    deps.engine.on((event) => this.onEngineEvent(event));
  }

  /** Takes over the profiles we own, picks the active role, applies launch-at-login. */
  async start(): Promise<void> {
    try {
      const config = await this.deps.services.configStore.load();
      this.knownPreferences = config.preferences;
      await this.deps.engine.start();
      this.activeRole = initialActiveRole(config, this.deps.engine, this.deps.clock.now());
      this.deps.shell.setLaunchAtLogin(config.preferences.launchAtLogin);
    } catch (error) {
      // A broken config or credentials file: the view says why; nothing is rewritten.
      this.record('renew-failed', 'start', describeError(error));
    }
    this.changed();
  }

  onView(listener: ViewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async view(): Promise<AppView> {
    const { services, engine, clock } = this.deps;
    const now = clock.now();
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
    const state = engine.state();
    const tracked = new Map(state.roles.map((r) => [r.role, r]));
    const engineMfa = new Map(state.mfaSessions.map((m) => [m.identity, m.expiresAt]));
    const identities: IdentityView[] = await Promise.all(
      config.identities.map(async (identity) => {
        const known = engineMfa.get(identity.name) ?? (identity.mfaSerial ? await this.mfaExpiry(identity.name) : null);
        return {
          name: identity.name,
          accessKeyIdMasked: maskKeyId(identity.accessKeyId),
          mfaSerial: identity.mfaSerial ?? null,
          region: identity.region,
          mfaSessionSeconds: identity.mfaSessionSeconds,
          mfaSessionExpiresAt: known !== null && known > now ? known : null,
        };
      }),
    );
    const roles: RoleView[] = config.roles.map((role) => {
      const t = tracked.get(role.name);
      const profileName = profileOf(role);
      const fileExpiry = owned.find((o) => o.profile === profileName)?.expiresAt ?? null;
      const expiresAt = t?.expiresAt ?? fileExpiry;
      return {
        role,
        profileName,
        status: t?.status ?? (expiresAt !== null && expiresAt <= now ? 'expired' : 'idle'),
        expiresAt,
        nextRenewalAt: t?.nextRenewalAt ?? null,
        lastError: t?.lastError ?? this.switchErrors.get(role.name) ?? null,
        active: this.activeRole === role.name,
      };
    });
    return {
      now,
      activeRole: config.roles.some((r) => r.name === this.activeRole) ? this.activeRole : null,
      identities,
      roles,
      preferences: config.preferences,
      paths: { credentials: services.awsFiles.credentials, config: services.awsFiles.config, appConfig: services.configStore.path },
      activity: [...this.activity],
      mfaPrompt: this.mfaPrompt,
      configError,
      systemLocale: this.deps.systemLocale.slice(0, 35),
    };
  }

  // ---- what the tray and the system call ----

  /** A tray click on a role: confirm prd (preference), switch, or open the MFA prompt. */
  async switchRole(roleName: string): Promise<void> {
    try {
      const config = await this.deps.services.configStore.load();
      const role = findRole(config, roleName);
      if (role.env === 'prd' && config.preferences.confirmPrd) {
        const strings = mainStrings(config.preferences.language, this.deps.systemLocale);
        const yes = await this.deps.shell.confirm(strings.confirmPrd(role.name, role.roleArn, profilesOf(role)));
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
    this.deps.engine.renewNow();
    await this.deps.engine.idle();
    this.changed();
  }

  async signOutAll(): Promise<void> {
    try {
      await this.signOut(undefined);
    } catch (error) {
      this.record('renew-failed', 'sign-out', describeError(error));
      this.changed();
    }
  }

  /** Asks the user for a code (a notification click, a role needing MFA); shows the window. */
  promptMfa(identity: string, reason: MfaPrompt['reason'], role: string | null = null): void {
    void this.deps.services.configStore.load().then(
      (config) => {
        const found = config.identities.find((i) => i.name === identity);
        if (!found) return;
        this.mfaPrompt = { identity, mfaSerial: found.mfaSerial ?? null, role, reason };
        this.deps.shell.showWindow();
        this.changed();
      },
      (error: unknown) => this.record('renew-failed', identity, describeError(error)),
    );
  }

  /** Resume, unlock, network back: run what is due now. */
  checkNow(): void {
    this.deps.engine.checkNow();
    void this.resumeWaiting();
  }

  /** On quit: clear our clipboard content, remove our profiles if asked to, stop timers. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.minuteTimer) this.deps.timers.clearTimer(this.minuteTimer);
    this.minuteTimer = null;
    this.deps.engine.stop();
    try {
      await this.deps.shell.clipboard.clearIfOurs();
    } catch {
      // A clipboard we cannot read or clear must not keep the app from quitting.
    }
    try {
      const config = await this.deps.services.configStore.load();
      if (config.preferences.onQuit === 'remove') await this.deps.services.profiles.removeAllOwned();
    } finally {
      this.deps.services.close();
    }
  }

  // ---- request handlers ----

  private createHandlers(): RequestHandlers {
    const { services, engine } = this.deps;
    return {
      'state:get': () => this.view(),
      'identity:add': async ({ identity, secretAccessKey, replace }) => {
        const caller = await addIdentity(services, identity, secretAccessKey, { replace: replace ?? false });
        this.record('identity-added', identity.name, caller ? `${caller.account} ${caller.arn}` : null);
        const view = await this.changedNow();
        const added = view.identities.find((i) => i.name === identity.name);
        if (!added) throw new StsTrayError('file-io', `identity "${identity.name}" was not saved`);
        return { identity: added, account: caller?.account ?? null, arn: caller?.arn ?? null };
      },
      'identity:remove': async ({ name }) => {
        await removeIdentity(services, name);
        this.record('identity-removed', name, null);
        this.changed();
        return {};
      },
      'role:save': async ({ role, previousName }) => {
        await saveRole(services, role, { previousName });
        if (previousName !== undefined && previousName !== role.name) this.forgetRole(previousName);
        this.record('role-saved', role.name, role.roleArn);
        return this.roleView(role.name);
      },
      'role:add-environments': async (request) => {
        const config = await services.configStore.load();
        const taken = new Set(config.roles.flatMap((r) => [r.name, profileOf(r)]));
        const roles: Role[] = ENV_ROLES.flatMap((env) => {
          const account = request.accounts[env];
          if (account === undefined) return [];
          const name = taken.has(env) ? `${env}-${request.roleName}` : env;
          return [
            {
              name,
              env,
              identity: request.identity,
              roleArn: roleArnFrom(account, `${env}-${request.roleName}`),
              externalId: request.externalId,
              durationSeconds: request.durationSeconds ?? 3600,
              mfa: request.mfa,
              mirrorDefault: false,
            },
          ];
        });
        if (roles.length === 0) throw new RequestError('validation', 'give at least one account ID (tes, stg or prd)', 'accounts');
        await saveRoles(services, roles);
        for (const role of roles) this.record('role-saved', role.name, role.roleArn);
        const view = await this.changedNow();
        return view.roles.filter((r) => roles.some((added) => added.name === r.role.name));
      },
      'role:remove': async ({ name }) => {
        engine.deactivate(name);
        await removeRole(services, name);
        this.forgetRole(name);
        this.record('role-removed', name, null);
        this.changed();
        return {};
      },
      'session:activate': async ({ role: roleName, mfaCode, confirmed }) => {
        const config = await services.configStore.load();
        const role = findRole(config, roleName);
        if (role.env === 'prd' && config.preferences.confirmPrd && confirmed !== true) {
          throw new RequestError('needs-confirmation', `"${role.name}" is a prd role: confirm the switch to production`);
        }
        try {
          return await this.activate(role, mfaCode);
        } catch (error) {
          if (!isStsTrayError(error) || error.code !== 'needs-mfa') {
            this.record('switch-failed', role.name, describeError(error));
            this.changed();
          }
          throw error;
        }
      },
      'session:renew': async ({ role }) => {
        if (role !== undefined && !engine.state().roles.some((r) => r.role === role)) {
          throw new StsTrayError('usage', `role "${role}" is not running; switch to it first`);
        }
        engine.renewNow(role === undefined ? undefined : [role]);
        await engine.idle();
        this.changed();
        return {};
      },
      'session:sign-out': ({ role }) => this.signOut(role),
      'mfa:submit': async ({ identity, code }) => {
        await engine.provideMfaCode(identity, code);
        const pending = this.mfaPrompt?.identity === identity ? this.mfaPrompt.role : null;
        if (this.mfaPrompt?.identity === identity) this.mfaPrompt = null;
        this.record('mfa-started', identity, null);
        if (pending !== null) {
          const config = await services.configStore.load();
          await this.activate(findRole(config, pending));
        }
        this.changed();
        return { expiresAt: (await this.mfaExpiry(identity)) ?? this.deps.clock.now() };
      },
      'mfa:dismiss': async () => {
        this.mfaPrompt = null;
        this.changed();
        return {};
      },
      'exports:copy': ({ role, format }) => this.copy(format, role),
      'preferences:set': async ({ preferences }) => {
        const before = (await services.configStore.load()).preferences;
        const saved = await services.configStore.update((config) => ({ ...config, preferences }));
        this.knownPreferences = saved.preferences;
        if (before.launchAtLogin !== saved.preferences.launchAtLogin) this.deps.shell.setLaunchAtLogin(saved.preferences.launchAtLogin);
        this.changed();
        return saved.preferences;
      },
    };
  }

  // ---- the work behind both the tray and the renderer ----

  private async activate(role: Role, mfaCode?: string): Promise<ActivationView> {
    const activated = await this.deps.engine.activate(role.name, mfaCode);
    this.activeRole = role.name;
    this.switchErrors.delete(role.name);
    if (this.mfaPrompt?.identity === role.identity) this.mfaPrompt = null;
    const profiles = profileWrites(activated).map((w) => w.profile);
    const at = this.deps.clock.now();
    if (mfaCode !== undefined) this.record('mfa-started', role.identity, null);
    this.record('switched', role.name, profiles.map((p) => `[${p}]`).join(' '));
    const preferences = await this.preferences();
    this.deps.shell.notices.handle({ type: 'recovered', role: role.name, at }, preferences);
    this.deps.shell.notices.handle({ type: 'switched', role: role.name, env: role.env, at }, preferences);
    this.changed();
    return {
      role: role.name,
      profiles,
      expiresAt: activated.credentials.expiresAt - activated.credentials.serverClockOffsetMs,
      assumedRoleArn: activated.credentials.assumedRoleArn ?? null,
      notices: [...activated.notices],
    };
  }

  private async copy(format: ExportFormat, roleName: string | undefined): Promise<{ clearsAt: number }> {
    const name = roleName ?? this.activeRole;
    if (name === null) throw new StsTrayError('usage', 'no role is active: switch to a role first, or choose one');
    const session = await this.deps.services.sessions.roleSession(name);
    const lines = renderExport(format, { ...session.credentials, region: session.region });
    const preferences = await this.preferences();
    const clearsAt = this.deps.shell.clipboard.copy(lines, preferences.clipboardClearSeconds * 1000);
    this.record('copied', name, format);
    this.changed();
    return { clearsAt };
  }

  private async signOut(roleName: string | undefined): Promise<{ removed: string[] }> {
    const { services, engine } = this.deps;
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

  private async afterFailedSwitch(roleName: string, error: unknown): Promise<void> {
    if (isStsTrayError(error) && error.code === 'needs-mfa') {
      const config = await this.deps.services.configStore.load().catch(() => null);
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

  private forgetRole(name: string): void {
    this.deps.engine.deactivate(name);
    this.switchErrors.delete(name);
    if (this.activeRole === name) this.activeRole = null;
  }

  private async roleView(name: string): Promise<RoleView> {
    const view = await this.changedNow();
    const found = view.roles.find((r) => r.role.name === name);
    if (!found) throw new StsTrayError('not-found', `no role named "${name}"`);
    return found;
  }

  private onEngineEvent(event: RenewalEvent): void {
    switch (event.type) {
      case 'renewed':
        this.record('renewed', event.role, null, event.at);
        break;
      case 'failed':
        this.record('renew-failed', event.role, event.message, event.at);
        break;
      case 'expired':
        this.record('expired', event.role, null, event.at);
        break;
      case 'mfa-expiring':
        this.record('mfa-expiring', event.identity, `${Math.round(event.leadSeconds / 60)} min`, event.at);
        break;
      case 'wave-failed':
        this.record('renew-failed', 'renewal', event.message, event.at);
        break;
      case 'clock-jump':
        break;
    }
    this.deps.shell.notices.handle(event, this.knownPreferences);
    this.changed();
  }

  private record(kind: ActivityKind, subject: string, detail: string | null, at = this.deps.clock.now()): void {
    this.activity.unshift({ at, kind, subject: subject.slice(0, 64), detail: detail === null ? null : detail.slice(0, 2000) });
    if (this.activity.length > ACTIVITY_LIMIT) this.activity.length = ACTIVITY_LIMIT;
  }

  private async preferences(): Promise<Preferences> {
    try {
      this.knownPreferences = (await this.deps.services.configStore.load()).preferences;
    } catch {
      // An unreadable config: keep the last preferences known (the view reports the problem).
    }
    return this.knownPreferences;
  }

  private async mfaExpiry(identity: string): Promise<number | null> {
    return this.deps.services.sessions.mfaSessionExpiresAt(identity).catch(() => null);
  }

  /** Sends a new view to every listener, once per burst of changes. */
  private changed(): void {
    if (this.emitQueued || this.stopped) return;
    this.emitQueued = true;
    queueMicrotask(() => {
      this.emitQueued = false;
      void this.changedNow();
    });
  }

  private async changedNow(): Promise<AppView> {
    const view = await this.view();
    for (const listener of this.listeners) listener(view);
    this.planMinute(view);
    return view;
  }

  /**
   * While a session runs, the countdowns in the tray move each minute. While a role waits
   * for a code, each minute also looks for an MFA session started elsewhere (a terminal).
   */
  private planMinute(view: AppView): void {
    if (this.minuteTimer) this.deps.timers.clearTimer(this.minuteTimer);
    this.minuteTimer = null;
    const running = view.roles.some((r) => r.expiresAt !== null && r.expiresAt > view.now);
    const waiting = view.roles.some((r) => r.status === 'needs-mfa');
    if ((!running && !waiting) || this.stopped) return;
    this.minuteTimer = this.deps.timers.setTimer(() => {
      this.minuteTimer = null;
      if (waiting) void this.resumeWaiting();
      this.changed();
    }, MINUTE - (view.now % MINUTE));
  }

  private async resumeWaiting(): Promise<void> {
    try {
      if ((await this.deps.engine.resumeWaiting()) > 0) this.changed();
    } catch (error) {
      this.record('renew-failed', 'renewal', describeError(error));
      this.changed();
    }
  }
}

/** After a restart: the role mirrored to [default] if it runs, else the one that ends last. */
function initialActiveRole(config: AppConfig, engine: RenewalEngine, now: number): string | null {
  const running = engine.state().roles.filter((r) => r.expiresAt !== null && r.expiresAt > now);
  const mirrored = running.find((r) => config.roles.find((c) => c.name === r.role)?.mirrorDefault);
  if (mirrored) return mirrored.role;
  const latest = [...running].sort((a, b) => (b.expiresAt ?? 0) - (a.expiresAt ?? 0))[0];
  return latest?.role ?? null;
}

function problemOf(error: unknown): Problem {
  return { code: isStsTrayError(error) ? error.code : 'internal', message: describeError(error) };
}
