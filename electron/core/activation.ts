// Switching to a role: its session (reused while fresh, else assumed, with an MFA code when
// one is needed) written to its profile(s) in one write. The renewal engine's `activate` runs
// this for the tray, the window, `sts-tray assume` and `watch` alike, so every shell reports
// the same expiry: by our clock, not STS's.

import type { AwsProfileStore } from './credentials-file/aws-profile-store.js';
import { profileWrites, type RoleSession, type SessionService } from './sessions.js';
import { localExpiry } from './time.js';

export interface Activation {
  readonly role: string;
  readonly identity: string;
  /** The sections written: the role's profile, and [default] when it mirrors there. */
  readonly profiles: readonly string[];
  /** When the credentials end, by our clock. */
  readonly expiresAt: number;
  readonly assumedRoleArn: string | null;
  /** What the file write had to say (a mode tightened, say). */
  readonly notices: readonly string[];
  readonly session: RoleSession;
}

export interface ActivationDeps {
  readonly sessions: Pick<SessionService, 'roleSession'>;
  readonly profiles: Pick<AwsProfileStore, 'write'>;
}

export async function activateRole(deps: ActivationDeps, roleName: string, mfaCode?: string): Promise<Activation> {
  const session = await deps.sessions.roleSession(roleName, { mfaCode });
  const writes = profileWrites(session);
  const report = await deps.profiles.write(writes);
  return {
    role: session.role.name,
    identity: session.identity.name,
    profiles: writes.map((w) => w.profile),
    expiresAt: localExpiry(session.credentials),
    assumedRoleArn: session.credentials.assumedRoleArn ?? null,
    notices: report.notices,
    session,
  };
}
