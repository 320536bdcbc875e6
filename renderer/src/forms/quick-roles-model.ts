// The quick "add tes / stg / prd" form as data: one role name in up to three accounts,
// `arn:aws:iam::<account>:role/<env>-<role>`, each with its own external ID or the shared one,
// sent as one 'role:add-environments' request.

import type { RequestOf } from '../../../electron/contract/channels.js';
import { addEnvironmentRolesRequest } from '../../../electron/contract/requests.js';
import { QUICK_ENVIRONMENTS, environmentRoleArn, environmentRoleName, type QuickEnvironment } from '../../../electron/contract/environment-roles.js';
import { checkAccountId, checkExternalId, checkRoleName } from '../../../electron/contract/sts-limits.js';
import { checkProblem, hasProblems, issueProblems, optionalProblem, type Problems } from './problems.js';

export { QUICK_ENVIRONMENTS, type QuickEnvironment };

// An account's own external ID is named by its request path, so main's refusal of
// "externalIds.tes" lands there and not on the tes account field.
export const QUICK_FIELDS = [
  'identity',
  'roleName',
  'tes',
  'externalIds.tes',
  'stg',
  'externalIds.stg',
  'prd',
  'externalIds.prd',
  'externalId',
  'accounts',
] as const;
export type QuickField = (typeof QUICK_FIELDS)[number];

export interface QuickDraft {
  readonly identity: string;
  readonly roleName: string;
  readonly accounts: Readonly<Record<QuickEnvironment, string>>;
  /** Shared by every account whose own is blank. */
  readonly externalId: string;
  readonly externalIds: Readonly<Record<QuickEnvironment, string>>;
  readonly mfa: boolean;
}

export type QuickRequest = RequestOf<'role:add-environments'>;

export function emptyQuickDraft(identity: string): QuickDraft {
  return {
    identity,
    roleName: '',
    accounts: { tes: '', stg: '', prd: '' },
    externalId: '',
    externalIds: { tes: '', stg: '', prd: '' },
    mfa: true,
  };
}

/** The ARNs the form will create, for the preview under it (blank accounts are skipped). */
export function quickPreview(draft: QuickDraft): { env: QuickEnvironment; arn: string }[] {
  const roleName = draft.roleName.trim();
  return QUICK_ENVIRONMENTS.filter((env) => draft.accounts[env].trim() !== '').map((env) => ({
    env,
    arn: environmentRoleArn(draft.accounts[env].trim(), env, roleName),
  }));
}

export interface QuickCheck {
  readonly problems: Problems<QuickField>;
  readonly request: QuickRequest | null;
}

export function checkQuickDraft(draft: QuickDraft): QuickCheck {
  const account = (env: QuickEnvironment) => optionalProblem(draft.accounts[env], checkAccountId);
  const anyAccount = QUICK_ENVIRONMENTS.some((env) => draft.accounts[env].trim() !== '');
  const externalId = draft.externalId.trim();
  const roleName = draft.roleName.trim();
  const problems: Problems<QuickField> = {
    identity: draft.identity === '' ? { key: 'roles.identityRequired' } : undefined,
    // The IAM name is `<env>-<role>`, so the part typed here must leave room for the prefix.
    roleName: checkProblem(checkRoleName(roleName) ?? checkRoleName(environmentRoleName('tes', roleName))),
    tes: account('tes'),
    stg: account('stg'),
    prd: account('prd'),
    'externalIds.tes': optionalProblem(draft.externalIds.tes, checkExternalId),
    'externalIds.stg': optionalProblem(draft.externalIds.stg, checkExternalId),
    'externalIds.prd': optionalProblem(draft.externalIds.prd, checkExternalId),
    externalId: optionalProblem(draft.externalId, checkExternalId),
    accounts: anyAccount ? undefined : { key: 'quick.needAccount' },
  };
  if (hasProblems(problems)) return { problems, request: null };

  const accounts = filled(draft.accounts);
  const externalIds = filled(draft.externalIds);
  const request: QuickRequest = {
    identity: draft.identity,
    roleName,
    accounts,
    mfa: draft.mfa,
    ...(externalId === '' ? {} : { externalId }),
    ...(Object.keys(externalIds).length === 0 ? {} : { externalIds }),
  };
  const parsed = addEnvironmentRolesRequest.safeParse(request);
  if (parsed.success) return { problems: {}, request };
  return { problems: issueProblems(parsed.error.issues, QUICK_FIELDS, 'roleName'), request: null };
}

/** The trimmed values typed in, by environment; blank ones left out. */
function filled(values: Readonly<Record<QuickEnvironment, string>>): Partial<Record<QuickEnvironment, string>> {
  const result: Partial<Record<QuickEnvironment, string>> = {};
  for (const env of QUICK_ENVIRONMENTS) {
    const value = values[env].trim();
    if (value !== '') result[env] = value;
  }
  return result;
}
