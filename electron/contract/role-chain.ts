// Role chaining as AWS allows it: a role assumed with another role's session. The rules live
// here, in the contract, so the window's role form, `role add` and the config file's check all
// refuse the same chains with the same sentences: a source that does not exist, a cycle, a
// chained session longer than AWS's one hour, MFA asked anywhere but at the chain's root.

/** AWS's cap on a session from AssumeRole called with another role's session. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** What the chain rules need of a role (config roles and form drafts alike). */
export interface ChainLink {
  readonly name: string;
  readonly identity: string;
  readonly sourceRole?: string | undefined;
}

export interface ChainProblem {
  readonly field: 'sourceRole' | 'durationSeconds' | 'mfa';
  readonly message: string;
}

/** The problems of one chained role on its own: its duration and its MFA flag. */
export function checkChainedRole(role: { name: string; sourceRole?: string | undefined; durationSeconds: number; mfa: boolean }): ChainProblem[] {
  if (role.sourceRole === undefined) return [];
  const problems: ChainProblem[] = [];
  if (role.sourceRole === role.name) {
    problems.push({ field: 'sourceRole', message: `role "${role.name}" cannot be its own source role` });
  }
  const duration = checkChainedDuration(role.durationSeconds);
  if (duration) problems.push({ field: 'durationSeconds', message: `role "${role.name}" is chained from "${role.sourceRole}": ${duration}` });
  if (role.mfa) {
    problems.push({
      field: 'mfa',
      message: `role "${role.name}" is assumed with the session of role "${role.sourceRole}", so it cannot ask for MFA itself: MFA is asked at the root of the chain (set it on the first role)`,
    });
  }
  return problems;
}

export function checkChainedDuration(seconds: number): string | null {
  return seconds > ROLE_CHAINING_MAX_SECONDS
    ? `AWS limits a session assumed with another role's session to ${ROLE_CHAINING_MAX_SECONDS} seconds (1 h): choose ${ROLE_CHAINING_MAX_SECONDS} seconds or less`
    : null;
}

export type ChainResult = { readonly ok: true; readonly chain: readonly string[]; readonly rootIdentity: string } | { readonly ok: false; readonly message: string };

/**
 * The chain of `name`, root first (the role assumed from an identity), or why there is none:
 * a source role that does not exist, or a cycle, named role by role.
 */
export function resolveChain(roles: readonly ChainLink[], name: string): ChainResult {
  const byName = new Map(roles.map((r) => [r.name, r]));
  const path: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined) {
    if (path.includes(current)) {
      const cycle = [...path.slice(path.indexOf(current)), current];
      return { ok: false, message: `roles ${cycle.map((n) => `"${n}"`).join(' → ')} form a cycle of source roles; a chain must start at a role assumed from an identity` };
    }
    const role = byName.get(current);
    if (!role) {
      const user = path[path.length - 1] ?? name;
      const known = roles.map((r) => r.name).join(', ') || 'none yet';
      return { ok: false, message: `role "${user}" has source role "${current}", which does not exist (roles: ${known})` };
    }
    path.push(current);
    if (role.sourceRole === undefined) return { ok: true, chain: path.reverse(), rootIdentity: role.identity };
    current = role.sourceRole;
  }
  return { ok: false, message: `role "${name}" has no chain` };
}

/** The roles chained from `name` directly (their source role is `name`). */
export function rolesChainedFrom(roles: readonly ChainLink[], name: string): string[] {
  return roles.filter((r) => r.sourceRole === name).map((r) => r.name);
}
