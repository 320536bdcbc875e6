// Adding, signing in, discovering roles for, and removing Identity Center identities: the one
// implementation behind the CLI (and the tray's handlers). The config holds where to sign in;
// the keychain holds the tokens.

import type { AppServices } from '../app-services.js';
import { StsTrayError } from '../errors.js';
import type { AppConfig, Role } from '../model.js';
import { saveRoles } from '../role-admin.js';
import { ssoRoleTarget, type SsoIdentity } from '../../contract/sso-identity.js';
import type { SsoComponents } from './sso-components.js';
import { discoverRoles, ssoRole, type DiscoveredRole } from './sso-discovery.js';
import { beginSignIn, completeSignIn, type PendingSignIn } from './sso-sign-in.js';

type AdminServices = Pick<AppServices, 'configStore' | 'sessions' | 'sso'>;

export function ssoOf(services: Pick<AppServices, 'sso'>): SsoComponents {
  if (!services.sso) throw new StsTrayError('validation', 'IAM Identity Center is not available in this shell');
  return services.sso;
}

export async function findSsoIdentity(services: Pick<AppServices, 'configStore'>, name: string): Promise<SsoIdentity> {
  return ssoIdentityIn(await services.configStore.load(), name);
}

function ssoIdentityIn(config: AppConfig, name: string): SsoIdentity {
  const identity = config.ssoIdentities.find((i) => i.name === name);
  if (!identity) {
    const known = config.ssoIdentities.map((i) => i.name).join(', ') || 'none yet';
    throw new StsTrayError('not-found', `no IAM Identity Center sign-in named "${name}" (sign-ins: ${known}); add one with sts-tray sso add ${name} --start-url URL --region R`);
  }
  return identity;
}

export async function addSsoIdentity(services: AdminServices, identity: SsoIdentity, options: { replace?: boolean } = {}): Promise<void> {
  const before = (await services.configStore.load()).ssoIdentities.find((i) => i.name === identity.name);
  await services.configStore.update((config) => {
    if (config.identities.some((i) => i.name === identity.name)) {
      throw new StsTrayError('conflict', `an identity with IAM user keys is named "${identity.name}"; choose another name`);
    }
    const existing = config.ssoIdentities.some((i) => i.name === identity.name);
    if (existing && !options.replace) throw new StsTrayError('conflict', `IAM Identity Center sign-in "${identity.name}" exists; replace it or choose another name`);
    return { ...config, ssoIdentities: [...config.ssoIdentities.filter((i) => i.name !== identity.name), identity] };
  });
  // Another portal or region: the tokens and client of the old one are no use there.
  if (before && (before.startUrl !== identity.startUrl || before.region !== identity.region)) {
    await services.sso?.signIn.store.forgetAll(identity.name);
    dropRoleSessionsOf(services, await services.configStore.load(), identity.name);
  }
}

/** Starts a sign-in: what to show the person. `finishSignIn` waits for their approval. */
export async function startSignIn(services: AdminServices, name: string): Promise<PendingSignIn> {
  return beginSignIn(ssoOf(services).signIn, await findSsoIdentity(services, name));
}

/** Waits for the approval and stores the tokens; the identity's roles get fresh sessions after. */
export async function finishSignIn(services: AdminServices, pending: PendingSignIn, cancelled?: () => boolean): Promise<{ expiresAt: number }> {
  const token = await completeSignIn(ssoOf(services).signIn, pending, cancelled);
  dropRoleSessionsOf(services, await services.configStore.load(), pending.identity);
  return { expiresAt: token.expiresAt };
}

/** Every account and role the sign-in may use, each marked when a role of ours already stands for it. */
export async function discoverSsoRoles(services: AdminServices, name: string): Promise<(DiscoveredRole & { readonly added: string | null })[]> {
  const identity = await findSsoIdentity(services, name);
  const sso = ssoOf(services);
  const found = await discoverRoles(sso.portal, identity, await sso.sessions.accessToken(identity));
  const config = await services.configStore.load();
  return found.map((d) => {
    const ours = config.roles.find((r) => {
      if (r.identity !== identity.name || r.sourceRole !== undefined) return false;
      const target = ssoRoleTarget(r.roleArn);
      return target.accountId === d.accountId && target.roleName === d.roleName;
    });
    return { ...d, added: ours?.name ?? null };
  });
}

/** Adds the chosen discovered roles (with the names and environments the person left them) in one write. */
export async function addDiscoveredRoles(
  services: AdminServices,
  name: string,
  chosen: readonly Pick<DiscoveredRole, 'accountId' | 'roleName' | 'env' | 'name'>[],
): Promise<Role[]> {
  const identity = await findSsoIdentity(services, name);
  const roles = chosen.map((d) => ssoRole(identity, d));
  await saveRoles(services, roles);
  return roles;
}

export async function signOutSso(services: AdminServices, name: string): Promise<void> {
  const config = await services.configStore.load();
  const identity = ssoIdentityIn(config, name);
  await ssoOf(services).sessions.signOut(identity);
  dropRoleSessionsOf(services, config, name);
}

/** Removes a sign-in no role uses, with its tokens and client registration in the keychain. */
export async function removeSsoIdentity(services: AdminServices, name: string): Promise<void> {
  const config = await services.configStore.load();
  const identity = ssoIdentityIn(config, name);
  const users = config.roles.filter((r) => r.identity === name).map((r) => r.name);
  if (users.length > 0) throw new StsTrayError('conflict', `IAM Identity Center sign-in "${name}" is used by role(s) ${users.join(', ')}; remove those roles first`);
  const sso = ssoOf(services);
  await sso.sessions.signOut(identity);
  await sso.signIn.store.forgetAll(name);
  await services.configStore.update((c) => ({ ...c, ssoIdentities: c.ssoIdentities.filter((i) => i.name !== name) }));
}

/** The identity's roles assume again on their next use (its sign-in changed or ended). */
function dropRoleSessionsOf(services: Pick<AppServices, 'sessions'>, config: AppConfig, identity: string): void {
  for (const role of config.roles) if (role.identity === identity) services.sessions.dropRoleSession(role.name);
}
