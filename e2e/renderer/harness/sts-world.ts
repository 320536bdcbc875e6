// The AWS set-up every renderer scenario runs against: one IAM user `dev` with a virtual MFA
// device in the hub account, and a `deployer` role in a tes, a stg and a prd account, named
// the way the quick form builds ARNs (`arn:aws:iam::<account>:role/<env>-<role>`). tes asks
// for an external ID, so a switch proves the ID travels from the form to STS; an `operator`
// role in each account asks for an external ID of that account's own.

import type { EmulatorRole } from '../../rig/sts-emulator/sts-emulator.js';
import { HUB_ACCOUNT, fakeMfaUser } from '../../rig/sts-emulator/fixtures.js';

export const USER = fakeMfaUser('dev', 'renderer');
export const USER_ARN = `arn:aws:iam::${HUB_ACCOUNT}:user/${USER.userName}`;
export { HUB_ACCOUNT };

/** The part after `<env>-` in each role's IAM name. */
export const ROLE_NAME = 'deployer';
export const EXTERNAL_ID = 'sts-tray-e2e-ext';
export const REGION = 'ap-northeast-1';

export const ACCOUNTS = { tes: '222222222222', stg: '333333333333', prd: '444444444444' } as const;
export type EnvName = keyof typeof ACCOUNTS;
export const ENVS: readonly EnvName[] = ['tes', 'stg', 'prd'];

export function roleArn(env: EnvName): string {
  return `arn:aws:iam::${ACCOUNTS[env]}:role/${env}-${ROLE_NAME}`;
}

/** What `get-caller-identity` says inside a session of the role (the session name varies). */
export function assumedRolePattern(env: EnvName): RegExp {
  return new RegExp(`^arn:aws:sts::${ACCOUNTS[env]}:assumed-role/${env}-${ROLE_NAME}/[\\w+=,.@-]+$`);
}

/** The part after `<env>-` of the roles whose trust policies each want their account's own external ID. */
export const OWN_ID_ROLE_NAME = 'operator';

export function ownExternalId(env: EnvName): string {
  return `sts-tray-e2e-${env}-own`;
}

/** A role only tes-deployer's sessions may assume (role chaining); it would allow 12 h to a direct caller. */
export const CHAINED_ROLE_ARN = `arn:aws:iam::${ACCOUNTS.prd}:role/prd-auditor`;

export const ROLES: readonly EmulatorRole[] = [
  ...ENVS.map((env) => ({
    arn: roleArn(env),
    trustedUsers: [USER_ARN],
    requireMfa: true,
    externalId: env === 'tes' ? EXTERNAL_ID : undefined,
  })),
  ...ENVS.map((env) => ({
    arn: `arn:aws:iam::${ACCOUNTS[env]}:role/${env}-${OWN_ID_ROLE_NAME}`,
    trustedUsers: [USER_ARN],
    requireMfa: true,
    externalId: ownExternalId(env),
  })),
  { arn: CHAINED_ROLE_ARN, trustedUsers: [roleArn('tes')], maxSessionDuration: 43_200 },
];
