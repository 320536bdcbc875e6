// The usual layout of our users' roles: one role name in the tes, stg and prd accounts, named
// `<env>-<role>` in IAM. The window's quick form previews these ARNs and the core creates the
// roles from the same rule.

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
