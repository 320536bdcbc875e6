// Role credentials issued elsewhere, accepted by the STS emulator: IAM Identity Center hands
// out sessions of a generated role, AWSReservedSSO_<permission set>_<suffix>, under the path
// aws-reserved/sso.amazonaws.com/, and GetCallerIdentity names that role and the person.

import { createHash } from 'node:crypto';
import type { EmulatorRole } from './emulator-config.js';
import type { StsState } from './sts-state.js';

export interface ExternalRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiresAtMs: number;
  readonly accountId: string;
  /** The permission set's name, e.g. AdministratorAccess. */
  readonly roleName: string;
  /** The role session's name: the signed-in person. */
  readonly user: string;
}

export function ssoReservedRoleArn(accountId: string, permissionSet: string): string {
  const suffix = createHash('sha256').update(`${accountId}/${permissionSet}`).digest('hex').slice(0, 16);
  return `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${permissionSet}_${suffix}`;
}

export function acceptExternal(state: StsState, credentials: ExternalRoleCredentials, nowMs: number): void {
  const role: EmulatorRole = { arn: ssoReservedRoleArn(credentials.accountId, credentials.roleName), trustedUsers: [] };
  state.issue(
    {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiresAtMs: credentials.expiresAtMs,
      principal: { kind: 'role-session', role, sessionName: credentials.user, sourceUser: undefined, mfa: false },
    },
    {
      accessKeyId: credentials.accessKeyId,
      arn: `arn:aws:sts::${credentials.accountId}:assumed-role/${role.arn.slice(role.arn.lastIndexOf('/') + 1)}/${credentials.user}`,
      kind: 'role-session',
      mfa: false,
      issuedAtMs: nowMs,
      expiresAtMs: credentials.expiresAtMs,
      sessionTokenLength: credentials.sessionToken.length,
    },
  );
}
