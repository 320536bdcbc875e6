// What the window is shown of an import: the plan main made from the user's ~/.aws files and,
// after the apply step, what became of each entry. Main reads the files itself; no key, not
// even a whole access key ID, is in here (contract.test.ts walks these schemas too).

import * as z from 'zod/mini';
import { ENVIRONMENTS, maxText, nameSchema } from './config-schema.js';

export const importIdentityViewSchema = z.strictObject({
  name: nameSchema,
  /** First four and last four characters. */
  accessKeyIdMasked: maxText(40),
  mfaSerial: z.nullable(maxText(256)),
  region: maxText(32),
  /** Where its key lines are: "credentials line 3". */
  from: maxText(300),
  /** An identity of this name is in sts-tray already: left as it is. */
  exists: z.boolean(),
});
export type ImportIdentityView = z.infer<typeof importIdentityViewSchema>;

export const importRoleViewSchema = z.strictObject({
  name: nameSchema,
  /** The guess from its names (core/import/environment-guess.ts); the user may change it. */
  env: z.enum(ENVIRONMENTS),
  identity: nameSchema,
  roleArn: maxText(2048),
  externalId: z.nullable(maxText(1224)),
  durationSeconds: z.int(),
  sessionName: z.nullable(maxText(64)),
  /** The role's region, or its identity's when it has none of its own. */
  region: maxText(32),
  mfa: z.boolean(),
  /** Where its section is: "config line 12". */
  from: maxText(300),
  exists: z.boolean(),
});
export type ImportRoleView = z.infer<typeof importRoleViewSchema>;

export const notImportedViewSchema = z.strictObject({
  profile: maxText(300),
  where: maxText(300),
  why: maxText(2000),
});
export type NotImportedView = z.infer<typeof notImportedViewSchema>;

export const importPlanViewSchema = z.strictObject({
  paths: z.strictObject({ credentials: maxText(4096), config: maxText(4096) }),
  identities: z.array(importIdentityViewSchema),
  roles: z.array(importRoleViewSchema),
  notImported: z.array(notImportedViewSchema),
});
export type ImportPlanView = z.infer<typeof importPlanViewSchema>;

export const IMPORT_STATUSES = ['created', 'exists', 'refused', 'switched', 'plaintext-removed', 'plaintext-kept'] as const;

export const importOutcomeViewSchema = z.strictObject({
  kind: z.enum(['identity', 'role']),
  name: nameSchema,
  status: z.enum(IMPORT_STATUSES),
  detail: maxText(2000),
});
export type ImportOutcomeView = z.infer<typeof importOutcomeViewSchema>;
