// Set-up steps a scenario is not about, done through the same channel map the renderer
// uses (so they take the same path through main), not by writing files behind its back.

import type { AppHarness } from './app-harness.js';
import { ACCOUNTS, EXTERNAL_ID, REGION, ROLE_NAME, USER, type EnvName } from './sts-world.js';

export const IDENTITY = 'dev';

export interface SeedOptions {
  /** The MFA session's length asked of STS (the identity form's "MFA session length"). */
  readonly mfaSessionSeconds?: number;
}

export async function seedIdentity(harness: AppHarness, options: SeedOptions = {}): Promise<void> {
  await harness.must('identity:add', {
    identity: {
      name: IDENTITY,
      accessKeyId: USER.accessKeyId,
      mfaSerial: USER.mfa.serial,
      region: REGION,
      ...(options.mfaSessionSeconds === undefined ? {} : { mfaSessionSeconds: options.mfaSessionSeconds }),
    },
    secretAccessKey: USER.secretAccessKey,
  });
}

/** The identity and the tes/stg/prd roles, as the quick form makes them. */
export async function seedRoles(harness: AppHarness, options: SeedOptions = {}): Promise<void> {
  await seedIdentity(harness, options);
  await seedEnvironmentRoles(harness);
}

/** The tes/stg/prd roles of the identity that exists already. */
export async function seedEnvironmentRoles(harness: AppHarness): Promise<void> {
  await harness.must('role:add-environments', {
    identity: IDENTITY,
    roleName: ROLE_NAME,
    accounts: ACCOUNTS,
    externalId: EXTERNAL_ID,
    mfa: true,
  });
}

/** Roles set up, and a switch to `env` with the device's current code (an MFA session runs). */
export async function seedSwitchedTo(harness: AppHarness, env: EnvName = 'tes', options: SeedOptions = {}): Promise<void> {
  await seedRoles(harness, options);
  await harness.must('session:activate', { role: env, mfaCode: harness.totp(), confirmed: true });
}
