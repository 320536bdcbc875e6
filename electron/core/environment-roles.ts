// The roles the quick tes/stg/prd form creates: one per account given, named after its
// environment, or `<env>-<role>` when that name (or profile) is already taken, each with its
// account's external ID or the shared one.

import { QUICK_ENVIRONMENTS, environmentExternalId, environmentRoleArn, environmentRoleName } from '../contract/environment-roles.js';
import type { addEnvironmentRolesRequest } from '../contract/requests.js';
import type * as z from 'zod/mini';
import { StsTrayError } from './errors.js';
import { profileOf, type AppConfig, type Role } from './model.js';

export type EnvironmentRolesRequest = z.output<typeof addEnvironmentRolesRequest>;

export function environmentRoles(request: EnvironmentRolesRequest, config: AppConfig): Role[] {
  const taken = new Set(config.roles.flatMap((r) => [r.name, profileOf(r)]));
  const roles = QUICK_ENVIRONMENTS.flatMap((env): Role[] => {
    const account = request.accounts[env];
    if (account === undefined) return [];
    return [
      {
        name: taken.has(env) ? environmentRoleName(env, request.roleName) : env,
        env,
        identity: request.identity,
        roleArn: environmentRoleArn(account, env, request.roleName),
        externalId: environmentExternalId(request, env),
        durationSeconds: request.durationSeconds ?? 3600,
        mfa: request.mfa,
        mirrorDefault: false,
      },
    ];
  });
  if (roles.length === 0) throw new StsTrayError('validation', 'give at least one account ID (tes, stg or prd)');
  return roles;
}
