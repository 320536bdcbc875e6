// What main shows the renderer: snapshots built from the config, the renewal engine and the
// credentials file. Strict objects with bounded strings and no key, secret or token field
// (contract.test.ts proves it): a view cannot carry a credential even by mistake.

import * as z from 'zod/mini';
import { maxText, nameSchema, preferencesSchema, roleSchema } from './config-schema.js';
import { APP_ERROR_CODES } from './result.js';
import { ROLE_STATUSES } from './role-status.js';
import { ssoIdentityViewSchema, ssoSignInViewSchema } from './sso-views.js';

/** Milliseconds since the epoch, by main's clock. */
const time = z.number();

export const problemSchema = z.strictObject({ code: z.enum(APP_ERROR_CODES), message: maxText(2000) });
export type Problem = z.infer<typeof problemSchema>;

export const identityViewSchema = z.strictObject({
  name: nameSchema,
  /** First four and last four characters: enough to tell keys apart. */
  accessKeyIdMasked: maxText(40),
  mfaSerial: z.nullable(maxText(256)),
  region: maxText(32),
  mfaSessionSeconds: z.int(),
  /** When the MFA session ends; null when none runs. */
  mfaSessionExpiresAt: z.nullable(time),
});
export type IdentityView = z.infer<typeof identityViewSchema>;

export const roleViewSchema = z.strictObject({
  /** The role as configured (what the edit form starts from). */
  role: roleSchema,
  /** The credentials-file section it writes (its profile, or its name). */
  profileName: maxText(64),
  status: z.enum(ROLE_STATUSES),
  expiresAt: z.nullable(time),
  nextRenewalAt: z.nullable(time),
  lastError: z.nullable(problemSchema),
  /** The role last switched to: checked in the tray, shown in its icon and tooltip. */
  active: z.boolean(),
});
export type RoleView = z.infer<typeof roleViewSchema>;

export const ACTIVITY_KINDS = [
  'switched',
  'switch-failed',
  'renewed',
  'renew-failed',
  /** The app could not read its config or the credentials file at start. */
  'start-failed',
  'sign-out-failed',
  /** The MFA prompt could not be opened (the config was unreadable). */
  'prompt-failed',
  'expired',
  'mfa-started',
  'mfa-expiring',
  'signed-out',
  'copied',
  'identity-added',
  'identity-removed',
  'role-saved',
  'role-removed',
  'sso-signed-in',
  'sso-sign-in-failed',
  'sso-signed-out',
  'key-rotated',
  'key-rotation-failed',
  /** Who the console was opened as; never the sign-in URL or token. */
  'console-opened',
  'console-failed',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const activityEntrySchema = z.strictObject({
  at: time,
  kind: z.enum(ACTIVITY_KINDS),
  /** The role or identity it is about. */
  subject: maxText(64),
  /** A reason or a detail (an error's sentence, a profile name). */
  detail: z.nullable(maxText(2000)),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const mfaPromptSchema = z.strictObject({
  identity: nameSchema,
  mfaSerial: z.nullable(maxText(256)),
  /** The role to switch to once the code is accepted; null when only the session is renewed. */
  role: z.nullable(nameSchema),
  reason: z.enum(['needs-mfa', 'expiring']),
});
export type MfaPrompt = z.infer<typeof mfaPromptSchema>;

export const appViewSchema = z.strictObject({
  /** Main's clock when the view was made; the renderer counts down from it. */
  now: time,
  activeRole: z.nullable(nameSchema),
  identities: z.array(identityViewSchema),
  roles: z.array(roleViewSchema),
  preferences: preferencesSchema,
  paths: z.strictObject({ credentials: maxText(4096), config: maxText(4096), appConfig: maxText(4096) }),
  /** Newest first, at most ACTIVITY_LIMIT entries. */
  activity: z.array(activityEntrySchema),
  /** Set when main wants a code from the user (a tray click, a notification click). */
  mfaPrompt: z.nullable(mfaPromptSchema),
  /** The app config could not be read: everything else is empty, this says why. */
  configError: z.nullable(problemSchema),
  /** The OS locale, for language 'system' (e.g. "ja-JP"). */
  systemLocale: maxText(35),
  /** IAM Identity Center sign-ins (absent from views made before they existed). */
  ssoIdentities: z.optional(z.array(ssoIdentityViewSchema)),
  /** A sign-in waiting for the person's approval in the browser. */
  ssoSignIn: z.optional(z.nullable(ssoSignInViewSchema)),
});
export type AppView = z.infer<typeof appViewSchema>;

export const ACTIVITY_LIMIT = 200;

export const activationViewSchema = z.strictObject({
  role: nameSchema,
  profiles: z.array(maxText(64)),
  expiresAt: time,
  assumedRoleArn: z.nullable(maxText(2048)),
  notices: z.array(maxText(2000)),
});
export type ActivationView = z.infer<typeof activationViewSchema>;

const keyId = maxText(128);

/** What key facts show of the user's other keys (IDs are not secrets; IAM lists them). */
export const otherKeyViewSchema = z.strictObject({
  accessKeyId: keyId,
  status: z.enum(['Active', 'Inactive']),
  createdAt: time,
  kind: z.enum(['staged', 'orphan', 'replaced', 'retired', 'unknown']),
  advice: maxText(1000),
});

export const keyFactsViewSchema = z.strictObject({
  identity: nameSchema,
  accessKeyIdMasked: maxText(40),
  keyAccount: maxText(12),
  expectedAccounts: z.array(maxText(12)).check(z.maxLength(1000)),
  unexpectedAccount: z.boolean(),
  userArn: maxText(2048),
  mfaSerial: z.nullable(maxText(256)),
  keyCreatedAt: z.nullable(time),
  keyAgeFrom: z.nullable(z.enum(['iam', 'stored'])),
  ageDays: z.nullable(z.int()),
  maxAgeDays: z.int(),
  rotationDue: z.boolean(),
  otherKeys: z.array(otherKeyViewSchema).check(z.maxLength(10)),
  notes: z.array(maxText(2000)).check(z.maxLength(10)),
});
export type KeyFactsView = z.infer<typeof keyFactsViewSchema>;

export const rotationViewSchema = z.strictObject({
  identity: nameSchema,
  newAccessKeyId: keyId,
  oldAccessKeyId: keyId,
  oldKey: z.enum(['deleted', 'deactivated', 'already gone']),
  notes: z.array(maxText(2000)).check(z.maxLength(10)),
});
export type RotationView = z.infer<typeof rotationViewSchema>;

/** The console was opened by main: who as, and what to know. The URL stays in main. */
export const consoleOpenedViewSchema = z.strictObject({
  principal: maxText(2048),
  notices: z.array(maxText(2000)).check(z.maxLength(5)),
});

export const decodedMessageViewSchema = z.strictObject({
  allowed: z.boolean(),
  explicitDeny: z.boolean(),
  action: maxText(512),
  resource: maxText(2048),
  principal: maxText(2048),
  statements: z
    .array(z.strictObject({ id: maxText(256), effect: maxText(16), actions: z.array(maxText(512)).check(z.maxLength(100)), resources: z.array(maxText(2048)).check(z.maxLength(100)) }))
    .check(z.maxLength(100)),
  conditions: z.array(z.strictObject({ key: maxText(512), values: z.array(maxText(2048)).check(z.maxLength(100)) })).check(z.maxLength(200)),
  /** The whole decoded message, pretty-printed. */
  json: maxText(100_000),
});
export type DecodedMessageView = z.infer<typeof decodedMessageViewSchema>;
