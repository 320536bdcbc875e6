// Where every role and identity stands, for every shell: the tray's menu and window, `sts-tray
// status` and `identity list`. A role the renewal engine tracks shows the engine's state
// (expiry by our clock); any other role shows what the credentials file says.

import type { RoleStatus } from '../contract/role-status.js';
import type { OwnedProfile } from './credentials-file/aws-profile-store.js';
import type { ErrorCode } from './errors.js';
import { maskKeyId } from './identity-keys.js';
import { profileOf, type AppConfig, type Role } from './model.js';
import type { EngineState } from './renewal/renewal-events.js';

export interface RoleStatusRow {
  readonly role: Role;
  readonly profileName: string;
  readonly status: RoleStatus;
  readonly expiresAt: number | null;
  readonly nextRenewalAt: number | null;
  readonly lastError: { readonly code: ErrorCode; readonly message: string } | null;
}

export interface IdentityStatusRow {
  readonly name: string;
  readonly accessKeyIdMasked: string;
  readonly mfaSerial: string | null;
  readonly region: string;
  readonly mfaSessionSeconds: number;
  /** When the MFA session ends by our clock; null when none runs (or none can be known). */
  readonly mfaSessionExpiresAt: number | null;
}

const NOTHING_TRACKED: EngineState = { roles: [], mfaSessions: [] };

/**
 * Untracked roles: no profile written → idle; a profile whose credentials still work → active
 * (another sts-tray wrote it); credentials past their end → expired.
 */
export function roleStatuses(config: AppConfig, owned: readonly OwnedProfile[], now: number, engine: EngineState = NOTHING_TRACKED): RoleStatusRow[] {
  const tracked = new Map(engine.roles.map((r) => [r.role, r]));
  return config.roles.map((role) => {
    const profileName = profileOf(role);
    const t = tracked.get(role.name);
    if (t) {
      return { role, profileName, status: t.status, expiresAt: t.expiresAt, nextRenewalAt: t.nextRenewalAt, lastError: t.lastError };
    }
    const expiresAt = owned.find((o) => o.profile === profileName)?.expiresAt ?? null;
    const status: RoleStatus = expiresAt === null ? 'idle' : expiresAt > now ? 'active' : 'expired';
    return { role, profileName, status, expiresAt, nextRenewalAt: null, lastError: null };
  });
}

/**
 * Identities with their MFA session's end: the engine's when it watches one, else the
 * keychain's (`mfaExpiry`; a failure to read it is the caller's to report or to absorb).
 */
export async function identityStatuses(
  config: AppConfig,
  mfaExpiry: (identity: string) => Promise<number | null>,
  now: number,
  engine: EngineState = NOTHING_TRACKED,
): Promise<IdentityStatusRow[]> {
  const watched = new Map(engine.mfaSessions.map((m) => [m.identity, m.expiresAt]));
  return Promise.all(
    config.identities.map(async (identity) => {
      const known = watched.get(identity.name) ?? (identity.mfaSerial ? await mfaExpiry(identity.name) : null);
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
}
