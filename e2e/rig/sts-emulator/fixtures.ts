// Fake IAM users and roles for the emulator's own tests, shaped like our users' setup:
// one IAM user `dev` in a hub account with a virtual MFA device, roles in tes/stg/prd.
// Every key and secret here is obviously fake.

import type { EmulatorRole, EmulatorUser, StsEmulatorOptions } from './emulator-config.js';

export const HUB_ACCOUNT = '111111111111';
export const TES_ACCOUNT = '222222222222';

export const DEV: EmulatorUser = {
  userName: 'dev',
  accountId: HUB_ACCOUNT,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'fake-secret-dev-wJalrXUtnFEMIK7MDENG',
  mfa: { serial: `arn:aws:iam::${HUB_ACCOUNT}:mfa/dev`, secret: Buffer.from('fake-mfa-seed-for-dev-0001') },
};

/** A user without an MFA device, whom no role trusts. */
export const CI_BOT: EmulatorUser = {
  userName: 'ci-bot',
  accountId: HUB_ACCOUNT,
  accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  secretAccessKey: 'fake-secret-ci-bot-je7MtGbClwBF',
};

export const DEV_ARN = `arn:aws:iam::${HUB_ACCOUNT}:user/dev`;
export const MFA_SERIAL = `arn:aws:iam::${HUB_ACCOUNT}:mfa/dev`;
export const EXTERNAL_ID = 'tes-external-id-0001';

export const DEPLOYER: EmulatorRole = {
  arn: `arn:aws:iam::${TES_ACCOUNT}:role/tes-deployer`,
  trustedUsers: [DEV_ARN],
  externalId: EXTERNAL_ID,
  requireMfa: true,
  maxSessionDuration: 7200,
};

/** Trusts dev without conditions, and the deployer role (so deployer sessions may chain to it). */
export const READER: EmulatorRole = {
  arn: `arn:aws:iam::${TES_ACCOUNT}:role/team/tes-reader`,
  trustedUsers: [DEV_ARN, DEPLOYER.arn],
};

export function fixtureOptions(overrides: Partial<StsEmulatorOptions> = {}): StsEmulatorOptions {
  return { users: [DEV, CI_BOT], roles: [DEPLOYER, READER], ...overrides };
}

/** An IAM user with a virtual MFA device; `tag` keeps each suite's keys apart (AKIAFAKE<TAG>…0001). */
export function fakeMfaUser(userName: string, tag: string): EmulatorUser & { readonly mfa: NonNullable<EmulatorUser['mfa']> } {
  const upper = tag.toUpperCase();
  return {
    userName,
    accountId: HUB_ACCOUNT,
    accessKeyId: `AKIAFAKE${upper}`.padEnd(19, '0') + '1',
    secretAccessKey: `fake-secret-${tag}-`.padEnd(41, '0') + '1',
    mfa: { serial: `arn:aws:iam::${HUB_ACCOUNT}:mfa/${userName}`, secret: new TextEncoder().encode(`fake-totp-seed-${tag}-01`) },
  };
}
