// A mistyped fixture must stop the emulator at start with the entry named, not surface
// later as a puzzling 403 in someone else's test.

import { describe, expect, it } from 'vitest';

import { CI_BOT, DEPLOYER, DEV, fixtureOptions } from './fixtures.js';
import { startStsEmulator } from './sts-emulator.js';

describe('emulator options', () => {
  it.each([
    ['an account id of 11 digits', { users: [{ ...DEV, accountId: '11111111111' }] }, 'emulator user "dev": accountId must be 12 digits'],
    ['a key id that is not AKIA…', { users: [{ ...DEV, accessKeyId: 'ASIAIOSFODNN7EXAMPLE' }] }, 'accessKeyId must look like AKIA'],
    ['two users sharing a key id', { users: [DEV, { ...CI_BOT, accessKeyId: DEV.accessKeyId }] }, 'emulator user "ci-bot": accessKeyId is used by another user'],
    ['a role ARN of a user', { roles: [{ ...DEPLOYER, arn: 'arn:aws:iam::222222222222:user/x' }] }, 'emulator role arn:aws:iam::222222222222:user/x: arn must look like'],
    ['a role maximum over 12 hours', { roles: [{ ...DEPLOYER, maxSessionDuration: 43_201 }] }, 'maxSessionDuration must be a whole number of seconds from 3600 to 43200'],
    ['a trusted principal that is not an ARN', { roles: [{ ...DEPLOYER, trustedUsers: ['dev'] }] }, 'trusted principal dev is not an IAM user or role ARN'],
    ['a minimum duration over 900', { minDurationSeconds: 901 }, 'minDurationSeconds must be a whole number of seconds from 1 to 900'],
    ['an issued role-session lifetime of 0', { issuedLifetimeSeconds: { roleSession: 0 } }, 'issuedLifetimeSeconds.roleSession must be a whole number of seconds from 1 to 129600'],
    ['a fractional MFA-session lifetime', { issuedLifetimeSeconds: { mfaSession: 2.5 } }, 'issuedLifetimeSeconds.mfaSession must be a whole number'],
  ])('refuses %s, naming it', async (_what, overrides, message) => {
    await expect(startStsEmulator(fixtureOptions(overrides))).rejects.toThrow(message);
  });

  it('never repeats a secret in its complaints', async () => {
    const error: unknown = await startStsEmulator(fixtureOptions({ users: [{ ...DEV, accountId: 'x' }] })).catch((e: unknown) => e);
    expect(String(error)).not.toContain(DEV.secretAccessKey);
  });
});
