// The STS operations of the renewal path — GetSessionToken, AssumeRole, GetCallerIdentity —
// with AWS's rules on who may call what: MFA codes, trust policies, external IDs,
// session-length limits and role chaining. The tools' STS calls and IAM's key calls have
// files of their own; handlerFor finds any of them.

import { DEFAULT_ROLE_MAX_SESSION, ROLE_MAX_SESSION_LIMIT, SESSION_TOKEN_LIMIT, type IssuedLifetimes } from './emulator-config.js';
import { newSecretAccessKey, newSessionToken, newTemporaryAccessKeyId } from './issued-credentials.js';
import { ParamCheck, RULES } from './param-validation.js';
import {
  assumedRoleArn,
  hasMfaContext,
  mfaUser,
  principalAccount,
  principalArn,
  principalUserId,
  roleId,
  trustPolicyPrincipal,
  type Principal,
} from './principals.js';
import {
  StsError,
  mfaCodeInvalid,
  mfaDeviceUnknown,
  mfaIncomplete,
  notAuthorized,
  validationError,
} from './sts-error.js';
import type { StsState } from './sts-state.js';
import type { XmlFields } from './sts-xml.js';

export interface ActionContext {
  readonly state: StsState;
  readonly caller: Principal;
  readonly params: ReadonlyMap<string, string>;
  readonly nowMs: number;
  readonly minDurationSeconds: number;
  readonly tokenLength: { readonly session: number; readonly role: number };
  /** Test-mode caps on how long issued credentials live (see StsEmulatorOptions). */
  readonly issuedLifetimeSeconds: IssuedLifetimes;
}

export type ActionHandler = (context: ActionContext) => XmlFields;

const SESSION_TOKEN_DEFAULT = 43_200;
const ROLE_CHAINING_LIMIT = 3600;

/** STS prints Expiration to the second, e.g. 2026-11-22T12:00:00Z. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Checks SerialNumber + TokenCode against the caller's device. Returns whether MFA was presented. */
function presentedMfa(context: ActionContext, serial: string | undefined, code: string | undefined): boolean {
  if (serial === undefined && code === undefined) return false;
  if (serial === undefined || code === undefined) throw mfaIncomplete();
  const user = mfaUser(context.caller);
  if (!user) throw mfaDeviceUnknown();
  const result = context.state.mfa.verify(user, serial, code, context.nowMs);
  if (result === 'not-this-users-device') throw mfaDeviceUnknown();
  if (result === 'invalid-code') throw mfaCodeInvalid();
  return true;
}

export function issue(context: ActionContext, principal: Principal & { kind: 'user-session' | 'role-session' | 'federated' }, asked: number): XmlFields {
  const cap = principal.kind === 'role-session' ? context.issuedLifetimeSeconds.roleSession : context.issuedLifetimeSeconds.mfaSession;
  const seconds = Math.min(asked, cap ?? asked);
  // Whole seconds, so what the client reads as Expiration is exactly when the emulator says ExpiredToken.
  const expiresAtMs = Math.floor(context.nowMs / 1000) * 1000 + seconds * 1000;
  const tokenLength = principal.kind === 'role-session' ? context.tokenLength.role : context.tokenLength.session;
  const credential = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(tokenLength),
    expiresAtMs,
    principal,
  };
  context.state.issue(credential, {
    accessKeyId: credential.accessKeyId,
    arn: principalArn(principal),
    kind: principal.kind,
    mfa: principal.kind !== 'federated' && principal.mfa,
    issuedAtMs: context.nowMs,
    expiresAtMs,
    sessionTokenLength: tokenLength,
  });
  return [
    ['AccessKeyId', credential.accessKeyId],
    ['SecretAccessKey', credential.secretAccessKey],
    ['SessionToken', credential.sessionToken],
    ['Expiration', isoSeconds(expiresAtMs)],
  ];
}

const getSessionToken: ActionHandler = (context) => {
  const { caller } = context;
  if (caller.kind !== 'user') {
    throw new StsError(403, 'AccessDenied', 'Cannot call GetSessionToken with session credentials');
  }
  const check = new ParamCheck(context.params);
  const duration = check.integer({ param: 'DurationSeconds', min: context.minDurationSeconds, max: SESSION_TOKEN_LIMIT });
  const serial = check.string(RULES.serialNumber);
  const code = check.string(RULES.tokenCode);
  check.done();
  const mfa = presentedMfa(context, serial, code);
  return [['Credentials', issue(context, { kind: 'user-session', user: caller.user, mfa }, duration ?? SESSION_TOKEN_DEFAULT)]];
};

const assumeRole: ActionHandler = (context) => {
  const { caller, state } = context;
  const check = new ParamCheck(context.params);
  const roleArn = check.string(RULES.roleArn);
  const sessionName = check.string(RULES.roleSessionName);
  const duration = check.integer({ param: 'DurationSeconds', min: context.minDurationSeconds, max: ROLE_MAX_SESSION_LIMIT });
  const externalId = check.string(RULES.externalId);
  const serial = check.string(RULES.serialNumber);
  const code = check.string(RULES.tokenCode);
  check.done();
  if (roleArn === undefined || sessionName === undefined) throw validationError('RoleArn and RoleSessionName are required');

  // AWS answers a missing role, an untrusted caller and a wrong external ID alike, so as not to reveal which.
  const role = state.role(roleArn);
  const denied = notAuthorized(principalArn(caller), 'sts:AssumeRole', roleArn);
  if (!role || !role.trustedUsers.includes(trustPolicyPrincipal(caller))) throw denied;
  if (role.externalId !== undefined && externalId !== role.externalId) throw denied;

  const seconds = duration ?? DEFAULT_ROLE_MAX_SESSION;
  if (caller.kind === 'role-session' && seconds > ROLE_CHAINING_LIMIT) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (seconds > (role.maxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION)) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const mfa = presentedMfa(context, serial, code) || hasMfaContext(caller);
  if (role.requireMfa && !mfa) throw denied;

  const principal = { kind: 'role-session', role, sessionName, sourceUser: mfaUser(caller), mfa } as const;
  const result: [string, XmlFields | string][] = [
    ['Credentials', issue(context, principal, seconds)],
    [
      'AssumedRoleUser',
      [
        ['AssumedRoleId', `${roleId(role)}:${sessionName}`],
        ['Arn', assumedRoleArn(role, sessionName)],
      ],
    ],
  ];
  if (context.params.has('Policy')) result.push(['PackedPolicySize', '6']);
  return result;
};

const getCallerIdentity: ActionHandler = ({ caller }) => [
  ['UserId', principalUserId(caller)],
  ['Account', principalAccount(caller)],
  ['Arn', principalArn(caller)],
];

export const RENEWAL_HANDLERS: Readonly<Record<string, ActionHandler>> = {
  GetSessionToken: getSessionToken,
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
