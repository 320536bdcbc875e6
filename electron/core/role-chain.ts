// Role chaining in the core: a chained role's config kept consistent with its chain (its
// identity is always the root's, a renamed source renames the link), a source nobody may
// delete while others chain from it, and the order in which chained sessions are renewed
// (sources first, so a chained renewal finds its source's session fresh).

import { resolveChain, rolesChainedFrom } from '../contract/role-chain.js';
import { StsTrayError } from './errors.js';
import type { AppConfig, Role } from './model.js';

/**
 * The roles with every chained role's link and identity brought in line: a link to
 * `renamed.from` follows it to `renamed.to`, and each chained role takes the identity its
 * chain starts at (set by its root, so `role add --source-role` needs no --identity).
 * Throws, naming the roles, when a chain has a missing source or a cycle.
 */
export function withChainsResolved(roles: readonly Role[], renamed?: { from: string; to: string }): Role[] {
  const relinked = roles.map((r) =>
    renamed && renamed.from !== renamed.to && r.sourceRole === renamed.from ? { ...r, sourceRole: renamed.to } : r,
  );
  return relinked.map((r) => {
    if (r.sourceRole === undefined) return r;
    const chain = resolveChain(relinked, r.name);
    if (!chain.ok) throw new StsTrayError('validation', chain.message);
    return chain.rootIdentity === r.identity ? r : { ...r, identity: chain.rootIdentity };
  });
}

/** The identity a new role chained from `sourceRole` rests on; throws when that source has no chain. */
export function rootIdentityOf(config: AppConfig, sourceRole: string): string {
  const chain = resolveChain(config.roles, sourceRole);
  if (!chain.ok) {
    const known = config.roles.map((r) => r.name).join(', ') || 'none yet';
    throw new StsTrayError(
      'not-found',
      config.roles.some((r) => r.name === sourceRole) ? chain.message : `no role named "${sourceRole}" to chain from (roles: ${known})`,
    );
  }
  return chain.rootIdentity;
}

/** Refuses to remove a role other roles are assumed with. */
export function refuseRemovingSource(config: AppConfig, name: string): void {
  const users = rolesChainedFrom(config.roles, name);
  if (users.length === 0) return;
  throw new StsTrayError(
    'conflict',
    `role "${name}" is the source role of ${users.map((u) => `"${u}"`).join(', ')}; remove ${users.length === 1 ? 'that role' : 'those roles'} or give ${users.length === 1 ? 'it' : 'them'} another source first`,
  );
}

/** The source role of a chained role, or null for a role assumed from its identity. */
export function sourceRoleOf(config: AppConfig, role: Role): Role | null {
  if (role.sourceRole === undefined) return null;
  const source = config.roles.find((r) => r.name === role.sourceRole);
  if (!source) throw new StsTrayError('not-found', `role "${role.name}" has source role "${role.sourceRole}", which does not exist`);
  return source;
}

/**
 * How many links lie between a role and its identity: 0 for a role assumed from its
 * identity, 1 for one chained from such a role, and so on. Unknown names count as 0.
 */
export function chainDepth(config: AppConfig, roleName: string): number {
  const chain = resolveChain(config.roles, roleName);
  return chain.ok ? chain.chain.length - 1 : 0;
}

/**
 * `items` grouped by the chain depth of their role, shallowest first: a wave that renews a
 * source and a role chained from it renews the source first.
 */
export function byChainDepth<T>(config: AppConfig, items: readonly T[], roleOf: (item: T) => string): T[][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const depth = chainDepth(config, roleOf(item));
    groups.set(depth, [...(groups.get(depth) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}
