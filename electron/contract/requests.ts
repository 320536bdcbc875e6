// What the renderer may ask main, one schema per request. Strings are bounded and objects
// strict (no unknown keys, so no `__proto__`). The config's own schemas are reused, so a
// form field fails here with the same sentence the core would give.

import * as z from 'zod/mini';
import { ENVIRONMENTS, checked, identitySchema, maxText, nameSchema, preferencesSchema, roleSchema } from './config-schema.js';
import { EXPORT_FORMATS } from './export-formats.js';
import { checkAccountId, checkConsoleDuration, checkRegion, checkRoleName } from './sts-limits.js';

const nothing = z.strictObject({});

export const addIdentityRequest = z.strictObject({
  identity: identitySchema,
  /** Write-only: goes to the keychain, never comes back. */
  secretAccessKey: maxText(256),
  /** Store a new key for an identity that exists. */
  replace: z.optional(z.boolean()),
});

export const saveRoleRequest = z.strictObject({
  role: roleSchema,
  /** The role's name before this edit; absent when adding. */
  previousName: z.optional(nameSchema),
});

const account = checked(checkAccountId);

/** The quick form: one role name in three accounts, `arn:aws:iam::<account>:role/<env>-<role>`. */
export const addEnvironmentRolesRequest = z.strictObject({
  identity: nameSchema,
  /** The part after `<env>-` in the role's name in IAM. */
  roleName: checked(checkRoleName),
  accounts: z.strictObject({ tes: z.optional(account), stg: z.optional(account), prd: z.optional(account) }),
  externalId: z.optional(roleSchema.shape.externalId),
  /** An account's own external ID, used instead of the shared one (environment-roles.ts). */
  externalIds: z.optional(
    z.strictObject({
      tes: z.optional(roleSchema.shape.externalId),
      stg: z.optional(roleSchema.shape.externalId),
      prd: z.optional(roleSchema.shape.externalId),
    }),
  ),
  mfa: z.boolean(),
  durationSeconds: z.optional(roleSchema.shape.durationSeconds),
});

export const nameRequest = z.strictObject({ name: nameSchema });

export const activateRequest = z.strictObject({
  role: nameSchema,
  /** Checked by the core (6 digits), so the message is the core's. */
  mfaCode: z.optional(maxText(32)),
  /** The user confirmed a switch to a prd role. */
  confirmed: z.optional(z.boolean()),
});

export const optionalRoleRequest = z.strictObject({ role: z.optional(nameSchema) });

export const submitMfaRequest = z.strictObject({
  identity: nameSchema,
  code: maxText(32),
});

export const copyExportsRequest = z.strictObject({
  /** Defaults to the active role. */
  role: z.optional(nameSchema),
  format: z.enum(EXPORT_FORMATS),
});

/** The whole preferences object (the view holds it): a partial one would be filled with defaults. */
export const setPreferencesRequest = z.strictObject({ preferences: preferencesSchema });

/**
 * Import what the plan proposes. Main reads the files again (the window never holds a key);
 * the window sends only the user's choices: environments changed from the guess, and the two
 * options that change the user's files.
 */
export const applyImportRequest = z.strictObject({
  environments: z.array(z.strictObject({ role: nameSchema, env: z.enum(ENVIRONMENTS) })).check(z.maxLength(1000)),
  /** Hand the imported role profiles over to sts-tray (credential_process instead of source_profile). */
  credentialProcess: z.boolean(),
  /** Remove the key lines from the credentials file once each key is in the keychain and verified. */
  removePlaintext: z.boolean(),
});

export { nothing as emptyRequest };

/** A key rotation; the code only when no MFA session of the identity is live. */
export const rotateKeyRequest = z.strictObject({
  name: nameSchema,
  mfaCode: z.optional(maxText(32)),
});

/** Open the console as a role, or (identity: true) as the identity itself. Main opens the URL; it never comes back. */
export const openConsoleRequest = z.strictObject({
  name: nameSchema,
  identity: z.optional(z.boolean()),
  /** A service name (s3) or a console URL. */
  destination: z.optional(maxText(2048)),
  region: z.optional(checked(checkRegion)),
  /** The console session's length: the same 15 min to 12 h the core checks. */
  durationSeconds: z.optional(z.number().check(z.refine((n) => checkConsoleDuration(n) === null, 'a console session lasts 15 minutes to 12 hours'))),
  mfaCode: z.optional(maxText(32)),
});

export const decodeMessageRequest = z.strictObject({
  role: nameSchema,
  /** As copied from an error (line breaks and all); the core cleans and checks it. */
  message: maxText(20_000),
  mfaCode: z.optional(maxText(32)),
});
