// The role form as data: what the user typed → a role for 'role:save', or the problems to
// show beside each field. The ARN is typed whole or built from an account ID and a role
// name; every check is the contract's (sts-limits.ts, roleSchema, role-chain.ts), so the
// core agrees. A role chained from another role asks no MFA and lasts at most 1 h.

import { nameSchema, roleSchema, type Environment, type Role } from '../../../electron/contract/config-schema.js';
import { checkProfileName } from '../../../electron/contract/profile-name.js';
import {
  ASSUME_ROLE_DURATION,
  checkAccountId,
  checkDuration,
  checkExternalId,
  checkRegion,
  checkRoleArn,
  checkRoleName,
  checkSessionName,
  roleArnFrom,
} from '../../../electron/contract/sts-limits.js';
import { checkProblem, hasProblems, issueProblems, optionalProblem, wholeNumber, type Problems } from './problems.js';

export const ROLE_FIELDS = [
  'name',
  'env',
  'identity',
  'sourceRole',
  'accountId',
  'roleName',
  'roleArn',
  'externalId',
  'durationSeconds',
  'sessionName',
  'region',
  'profile',
] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];

export type ArnMode = 'parts' | 'arn';

export interface RoleDraft {
  readonly name: string;
  readonly env: Environment;
  readonly identity: string;
  /** Role chaining: the role whose session assumes this one; '' for the identity itself. */
  readonly sourceRole: string;
  readonly arnMode: ArnMode;
  readonly accountId: string;
  readonly roleName: string;
  readonly roleArn: string;
  readonly externalId: string;
  readonly durationSeconds: string;
  readonly sessionName: string;
  readonly region: string;
  readonly mfa: boolean;
  readonly profile: string;
  readonly mirrorDefault: boolean;
  /** Also serve the role through `credential_process` in ~/.aws/config. */
  readonly credentialProcess: boolean;
}

export function emptyRoleDraft(identity: string): RoleDraft {
  return {
    name: '',
    env: 'tes',
    identity,
    sourceRole: '',
    arnMode: 'parts',
    accountId: '',
    roleName: '',
    roleArn: '',
    externalId: '',
    durationSeconds: '3600',
    sessionName: '',
    region: '',
    mfa: true,
    profile: '',
    mirrorDefault: false,
    credentialProcess: false,
  };
}

/** A plain commercial-partition ARN without a path opens as account + name; anything else as the whole ARN. */
const SIMPLE_ARN = /^arn:aws:iam::([0-9]{12}):role\/([\w+=,.@-]{1,64})$/;

export function draftFromRole(role: Role): RoleDraft {
  const simple = SIMPLE_ARN.exec(role.roleArn);
  return {
    name: role.name,
    env: role.env,
    identity: role.identity,
    sourceRole: role.sourceRole ?? '',
    arnMode: simple ? 'parts' : 'arn',
    accountId: simple?.[1] ?? '',
    roleName: simple?.[2] ?? '',
    roleArn: role.roleArn,
    externalId: role.externalId ?? '',
    durationSeconds: String(role.durationSeconds),
    sessionName: role.sessionName ?? '',
    region: role.region ?? '',
    mfa: role.mfa,
    profile: role.profile ?? '',
    mirrorDefault: role.mirrorDefault,
    credentialProcess: role.credentialProcess ?? false,
  };
}

/** The ARN the draft stands for (built from the parts in 'parts' mode). */
export function draftArn(draft: RoleDraft): string {
  return draft.arnMode === 'parts' ? roleArnFrom(draft.accountId.trim(), draft.roleName.trim()) : draft.roleArn.trim();
}

/** An optional field: left out of the role when blank (the core then applies its default). */
function given<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  const value = text.trim();
  return value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

export interface RoleCheck {
  readonly problems: Problems<RoleField>;
  readonly role: Role | null;
}

export function checkRoleDraft(draft: RoleDraft): RoleCheck {
  const name = nameSchema.safeParse(draft.name.trim());
  const parts = draft.arnMode === 'parts';
  const accountProblem = parts ? checkProblem(checkAccountId(draft.accountId.trim())) : undefined;
  const roleNameProblem = parts ? checkProblem(checkRoleName(draft.roleName.trim())) : undefined;
  const chained = draft.sourceRole !== '';
  const problems: Problems<RoleField> = {
    name: name.success ? undefined : { sentence: name.error.issues[0]?.message ?? '' },
    identity: draft.identity === '' ? { key: 'roles.identityRequired' } : undefined,
    accountId: accountProblem,
    roleName: roleNameProblem,
    // In 'parts' mode the ARN is only judged once its parts are fine, so one mistake gives one message.
    roleArn: parts && (accountProblem || roleNameProblem) ? undefined : checkProblem(checkRoleArn(draftArn(draft))),
    externalId: optionalProblem(draft.externalId, checkExternalId),
    durationSeconds: checkProblem(checkDuration(wholeNumber(draft.durationSeconds), ASSUME_ROLE_DURATION)),
    sessionName: optionalProblem(draft.sessionName, checkSessionName),
    region: optionalProblem(draft.region, checkRegion),
    profile: optionalProblem(draft.profile, checkProfileName),
  };
  if (hasProblems(problems)) return { problems, role: null };

  const parsed = roleSchema.safeParse({
    name: draft.name.trim(),
    env: draft.env,
    // For a chained role main replaces it with its chain's root identity.
    identity: draft.identity,
    roleArn: draftArn(draft),
    durationSeconds: wholeNumber(draft.durationSeconds),
    // MFA is asked at a chain's root, never by a chained role.
    mfa: chained ? false : draft.mfa,
    mirrorDefault: draft.mirrorDefault,
    // Left out when off, as `role add` without --credential-process leaves it.
    ...(draft.credentialProcess ? { credentialProcess: true } : {}),
    ...given('externalId', draft.externalId),
    ...given('sessionName', draft.sessionName),
    ...given('region', draft.region),
    ...given('profile', draft.profile),
    ...given('sourceRole', draft.sourceRole),
  });
  if (parsed.success) return { problems: {}, role: parsed.data };
  return { problems: issueProblems(parsed.error.issues, ROLE_FIELDS, 'name'), role: null };
}
