// The tray app's IAM Identity Center sign-ins: at most one waiting for the person's approval
// (its code is in the view; main opens its page), finished in the background. A finished
// sign-in renews the roles that waited for it; a failed one is recorded with its reason.

import type { SsoIdentityView, SsoSignInView } from '../contract/sso-views.js';
import type { AppServices } from '../core/app-services.js';
import { describeError } from '../core/errors.js';
import type { AppConfig } from '../core/model.js';
import type { EngineState } from '../core/renewal/renewal-events.js';
import { finishSignIn, startSignIn } from '../core/sso/sso-admin.js';
import type { ActivityKind } from '../contract/views.js';

export interface SsoSignInDeps {
  readonly services: AppServices;
  readonly record: (kind: ActivityKind, subject: string, detail: string | null) => void;
  readonly changed: () => void;
  /** Opens the sign-in page in the default browser (main: shell.openExternal). */
  readonly openExternal?: ((url: string) => void) | undefined;
}

export class SsoSignIns {
  private pending: { readonly view: SsoSignInView; cancelled: boolean } | null = null;

  constructor(private readonly deps: SsoSignInDeps) {}

  current(): SsoSignInView | null {
    return this.pending?.view ?? null;
  }

  /** Starts a sign-in (replacing one still waiting) and returns what the person must approve. */
  async start(identity: string): Promise<SsoSignInView> {
    this.cancel();
    const started = await startSignIn(this.deps.services, identity);
    const view: SsoSignInView = {
      identity,
      userCode: started.userCode,
      verificationUri: started.verificationUriComplete,
      expiresAt: started.expiresAt,
    };
    const entry = { view, cancelled: false };
    this.pending = entry;
    this.deps.openExternal?.(view.verificationUri);
    this.deps.changed();
    void finishSignIn(this.deps.services, started, () => entry.cancelled).then(
      () => {
        if (this.pending === entry) this.pending = null;
        this.deps.record('sso-signed-in', identity, null);
        void this.renewWaiting(identity);
        this.deps.changed();
      },
      (error: unknown) => {
        if (this.pending === entry) this.pending = null;
        if (!entry.cancelled) this.deps.record('sso-sign-in-failed', identity, describeError(error));
        this.deps.changed();
      },
    );
    return view;
  }

  cancel(): void {
    if (this.pending) this.pending.cancelled = true;
    this.pending = null;
  }

  /** The roles of this sign-in whose renewal stopped for want of it, renewed now. */
  private async renewWaiting(identity: string): Promise<void> {
    const { engine, configStore } = this.deps.services;
    const config = await configStore.load().catch(() => null);
    if (!config) return;
    const mine = new Set(config.roles.filter((r) => r.identity === identity).map((r) => r.name));
    const stopped = engine.state().roles.filter((r) => mine.has(r.role) && r.nextRenewalAt === null).map((r) => r.role);
    if (stopped.length > 0) engine.renewNow(stopped);
  }
}

/**
 * The sign-ins for the view, each with when it ends (an unreachable keychain shows none). A
 * sign-in the engine watches (its roles run) is known from the engine, as identityStatuses knows
 * MFA sessions: the view, rebuilt each minute, reads the keychain only for the others.
 */
export async function ssoIdentityViews(services: AppServices, config: AppConfig, state: EngineState): Promise<SsoIdentityView[]> {
  const watched = new Map(state.mfaSessions.map((m) => [m.identity, m.expiresAt]));
  return Promise.all(
    config.ssoIdentities.map(async (i) => ({
      name: i.name,
      startUrl: i.startUrl,
      region: i.region,
      roleRegion: i.roleRegion ?? null,
      signInEndsAt: watched.get(i.name) ?? (services.sso ? await services.sso.sessions.signInEndsAt(i).catch(() => null) : null),
    })),
  );
}
