// Who is calling: an IAM user with a long-lived key, that user's session from
// GetSessionToken, a federated user from GetFederationToken, or a role session from
// AssumeRole; and the ARNs and ids AWS shows for each.

import { createHash } from 'node:crypto';

import type { EmulatorRole, EmulatorUser } from './emulator-config.js';

export type Principal =
  | { readonly kind: 'user'; readonly user: EmulatorUser }
  | { readonly kind: 'user-session'; readonly user: EmulatorUser; readonly mfa: boolean }
  /** GetFederationToken's session: the user's permissions under the federated name, never MFA. */
  | { readonly kind: 'federated'; readonly user: EmulatorUser; readonly name: string }
  | {
      readonly kind: 'role-session';
      readonly role: EmulatorRole;
      readonly sessionName: string;
      /** The IAM user at the root of the chain, whose MFA device a chained call may name. */
      readonly sourceUser: EmulatorUser | undefined;
      readonly mfa: boolean;
    };

export function userArn(user: EmulatorUser): string {
  return `arn:aws:iam::${user.accountId}:user/${user.userName}`;
}

export function roleAccount(roleArn: string): string {
  return roleArn.split(':')[4] ?? '';
}

/** The last path element: arn:aws:iam::2…:role/team/deployer → deployer */
export function roleName(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

// AWS ids are opaque; deriving them from the ARN keeps them stable across runs, as they are on AWS.
function stableId(prefix: string, arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = prefix;
  for (let i = 0; i < 17; i += 1) id += alphabet[(digest[i] ?? 0) & 31];
  return id;
}

export function userId(user: EmulatorUser): string {
  return stableId('AIDA', userArn(user));
}

export function roleId(role: EmulatorRole): string {
  return stableId('AROA', role.arn);
}

export function assumedRoleArn(role: EmulatorRole, sessionName: string): string {
  return `arn:aws:sts::${roleAccount(role.arn)}:assumed-role/${roleName(role.arn)}/${sessionName}`;
}

/** What AWS puts in "User: … is not authorized" and in GetCallerIdentity's Arn. */
export function principalArn(principal: Principal): string {
  if (principal.kind === 'federated') return `arn:aws:sts::${principal.user.accountId}:federated-user/${principal.name}`;
  return principal.kind === 'role-session' ? assumedRoleArn(principal.role, principal.sessionName) : userArn(principal.user);
}

export function principalUserId(principal: Principal): string {
  if (principal.kind === 'federated') return `${principal.user.accountId}:${principal.name}`;
  return principal.kind === 'role-session' ? `${roleId(principal.role)}:${principal.sessionName}` : userId(principal.user);
}

export function principalAccount(principal: Principal): string {
  return principal.kind === 'role-session' ? roleAccount(principal.role.arn) : principal.user.accountId;
}

/** The ARN a trust policy would name for this caller: the user, or the role behind a role session. */
export function trustPolicyPrincipal(principal: Principal): string {
  if (principal.kind === 'federated') return principalArn(principal);
  return principal.kind === 'role-session' ? principal.role.arn : userArn(principal.user);
}

/** The IAM user whose MFA device this caller may present (a federated user may present none). */
export function mfaUser(principal: Principal): EmulatorUser | undefined {
  if (principal.kind === 'federated') return undefined;
  return principal.kind === 'role-session' ? principal.sourceUser : principal.user;
}

export function hasMfaContext(principal: Principal): boolean {
  return (principal.kind === 'user-session' || principal.kind === 'role-session') && principal.mfa;
}

/** The IAM user a caller acts as for IAM's self-service calls on its own keys; none for roles. */
export function iamSelf(principal: Principal): EmulatorUser | undefined {
  return principal.kind === 'user' || principal.kind === 'user-session' ? principal.user : undefined;
}
