// The usual layout of our users' roles: one role name in the tes, stg and prd accounts, named
// `<env>-<role>` in IAM, each account with its own external ID or one shared by all. The
// window's quick form previews these ARNs and the core creates the roles from the same rule.

import { roleArnFrom } from './sts-limits.js';

export const QUICK_ENVIRONMENTS = ['tes', 'stg', 'prd'] as const;
export type QuickEnvironment = (typeof QUICK_ENVIRONMENTS)[number];

/** The role's name in IAM: `tes-deployer`. */
export function environmentRoleName(env: QuickEnvironment, roleName: string): string {
  return `${env}-${roleName}`;
}

export function environmentRoleArn(account: string, env: QuickEnvironment, roleName: string): string {
  return roleArnFrom(account, environmentRoleName(env, roleName));
}

export interface EnvironmentExternalIds {
  /** Shared: for every account that has none of its own. */
  readonly externalId?: string | undefined;
  readonly externalIds?: Readonly<Partial<Record<QuickEnvironment, string>>> | undefined;
}

/** The external ID a role in `env`'s account is assumed with: the account's own, else the shared one. */
export function environmentExternalId(ids: EnvironmentExternalIds, env: QuickEnvironment): string | undefined {
  return ids.externalIds?.[env] ?? ids.externalId;
}
