// Saving and removing roles: the one implementation behind the CLI and the tray's IPC.

import type { AppServices } from './app-services.js';
import { credentialProcessCommand } from './credential-process-command.js';
import { StsTrayError } from './errors.js';
import { profileOf, type AppConfig, type Role } from './model.js';
import { refuseRemovingSource, withChainsResolved } from './role-chain.js';
import { findIdentity } from './sessions.js';

export interface SaveRoleOptions {
  /** Overwrite a role of the same name. */
  readonly replace?: boolean;
  /** The role's name before an edit that renames it. */
  readonly previousName?: string | undefined;
}

/** The config with `role` added or replaced; throws when the result would be inconsistent. */
export function withRole(config: AppConfig, role: Role, options: SaveRoleOptions = {}): AppConfig {
  const previous = options.previousName ?? role.name;
  const exists = (name: string) => config.roles.some((r) => r.name === name);
  if (options.previousName !== undefined && !exists(previous)) {
    throw new StsTrayError('not-found', `no role named "${previous}"`);
  }
  const others = config.roles.filter((r) => r.name !== previous);
  const renamedOntoAnother = others.some((r) => r.name === role.name);
  const overwrites = options.previousName === undefined && exists(role.name) && !options.replace;
  if (renamedOntoAnother || overwrites) {
    throw new StsTrayError('conflict', `role "${role.name}" exists; replace it or choose another name`);
  }
  const clash = others.find((r) => profileOf(r) === profileOf(role));
  if (clash) {
    throw new StsTrayError('conflict', `role "${clash.name}" already writes profile [${profileOf(role)}]; choose another profile name`);
  }
  // Only one role can own [default].
  const unmirrored = (r: Role) => (role.mirrorDefault ? { ...r, mirrorDefault: false } : r);
  // An edited role keeps its place (the tray and the window list roles in config order).
  const at = config.roles.findIndex((r) => r.name === previous);
  const placed = at === -1 ? [...others.map(unmirrored), role] : config.roles.map((r, i) => (i === at ? role : unmirrored(r)));
  const roles = withChainsResolved(placed, { from: previous, to: role.name });
  const saved = roles.find((r) => r.name === role.name) ?? role;
  // An Identity Center role's limits are the config schema's (checkSsoRole).
  if (config.ssoIdentities.some((i) => i.name === saved.identity)) return { ...config, roles };
  const identity = findIdentity(config, saved.identity);
  if (saved.mfa && !identity.mfaSerial) {
    throw new StsTrayError(
      'validation',
      `role "${saved.name}" requires MFA, but identity "${identity.name}" has no MFA device; add its MFA device to the identity first`,
    );
  }
  return { ...config, roles };
}

export async function saveRole(services: Pick<AppServices, 'configStore' | 'sessions'>, role: Role, options: SaveRoleOptions = {}): Promise<void> {
  await services.configStore.update((config) => withRole(config, role, options));
  services.sessions.dropRoleSession(role.name);
  if (options.previousName !== undefined) services.sessions.dropRoleSession(options.previousName);
}

export interface ServedRole {
  /** The credential_process line written; null for a role not served that way. */
  readonly command: string | null;
  readonly notices: readonly string[];
}

/**
 * Saves a role and, when it asks to be served through credential_process, writes
 * `[profile NAME] credential_process = LAUNCHER credential-process NAME` into the config file, in
 * a section we own. The CLI's `role add` and the window's role save both come here, with the
 * launcher their shell knows (asked only when needed). When the config file refuses the write (a
 * section of the user's by that name), the roles are put back as they were: a refused save
 * leaves no role that claims a profile it does not have.
 */
export async function saveServedRole(
  services: Pick<AppServices, 'configStore' | 'sessions' | 'profiles'>,
  role: Role,
  options: SaveRoleOptions,
  launcher: () => readonly string[],
): Promise<ServedRole> {
  if (!role.credentialProcess) {
    await saveRole(services, role, options);
    return { command: null, notices: [] };
  }
  const command = credentialProcessCommand(launcher(), role.name);
  const before = await services.configStore.load();
  await saveRole(services, role, options);
  try {
    const { notices } = await services.profiles.writeCredentialProcess(profileOf(role), `role ${role.name}`, command);
    return { command, notices };
  } catch (error) {
    await services.configStore.update((current) => ({ ...current, roles: before.roles }));
    throw error;
  }
}

/** Saves several roles in one config write, or none of them. */
export async function saveRoles(services: Pick<AppServices, 'configStore' | 'sessions'>, roles: readonly Role[]): Promise<void> {
  await services.configStore.update((config) => roles.reduce((c, role) => withRole(c, role), config));
  for (const role of roles) services.sessions.dropRoleSession(role.name);
}

/** Removes a role and the profiles it wrote; returns the notices of the file write. */
export async function removeRole(services: Pick<AppServices, 'configStore' | 'profiles' | 'sessions'>, name: string): Promise<readonly string[]> {
  const config = await services.configStore.load();
  const role = config.roles.find((r) => r.name === name);
  if (!role) throw new StsTrayError('not-found', `no role named "${name}"`);
  refuseRemovingSource(config, name);
  const report = await services.profiles.remove(ownedProfilesOf(role, await services.profiles.listOwned()));
  await services.configStore.update((c) => {
    refuseRemovingSource(c, name);
    return { ...c, roles: c.roles.filter((r) => r.name !== name) };
  });
  services.sessions.dropRoleSession(name);
  return report.notices;
}

/** The sections this role wrote: its profile, and [default] when it mirrors there. */
export function ownedProfilesOf(role: Role, owned: readonly { profile: string; source: string }[]): string[] {
  const source = `role ${role.name}`;
  return owned.filter((o) => o.source === source || o.profile === profileOf(role)).map((o) => o.profile);
}
