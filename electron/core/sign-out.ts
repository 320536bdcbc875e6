// Signing out: the one implementation behind `sts-tray logout` and the tray's "Sign out".
// One role: its profiles go and its session is forgotten. All: every section we own goes,
// every role session is forgotten and every MFA session and IAM Identity Center sign-in ends
// (the next switch asks a code or a sign-in).

import type { AppServices } from './app-services.js';
import { ownedProfilesOf } from './role-admin.js';
import { findRole } from './sessions.js';

export interface SignOutReport {
  /** The credentials-file sections removed. */
  readonly removed: readonly string[];
  readonly notices: readonly string[];
}

type SignOutServices = Pick<AppServices, 'configStore' | 'profiles' | 'sessions' | 'sso'>;

export async function signOutRole(services: SignOutServices, roleName: string): Promise<SignOutReport> {
  const role = findRole(await services.configStore.load(), roleName);
  const removed = ownedProfilesOf(role, await services.profiles.listOwned());
  const report = await services.profiles.remove(removed);
  services.sessions.dropRoleSession(role.name);
  return { removed, notices: report.notices };
}

export async function signOutAll(services: SignOutServices): Promise<SignOutReport> {
  const removed = (await services.profiles.listOwned()).map((o) => o.profile);
  const report = await services.profiles.removeAllOwned();
  const config = await services.configStore.load();
  for (const role of config.roles) services.sessions.dropRoleSession(role.name);
  for (const identity of config.identities) await services.sessions.forgetMfaSession(identity.name);
  // IAM Identity Center sign-ins end too: like an MFA session, only the person starts a new one.
  for (const identity of config.ssoIdentities) await services.sso?.sessions.signOut(identity);
  return { removed, notices: report.notices };
}
