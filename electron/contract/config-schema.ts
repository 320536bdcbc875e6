// The app config schema (one JSON file, no secrets in it): identities, roles, preferences.
// In the contract so the renderer validates forms with the very rules the core applies.

import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { checkProfileName } from './profile-name.js';
import { checkChainedRole, resolveChain } from './role-chain.js';
import { checkSsoRole, ssoIdentitySchema } from './sso-identity.js';
import {
  ASSUME_ROLE_DURATION,
  SESSION_TOKEN_DURATION,
  checkAccessKeyId,
  checkAccountId,
  checkDuration,
  checkExternalId,
  checkRegion,
  checkRoleArn,
  checkSerialNumber,
  checkSessionName,
} from './sts-limits.js';

// zod/mini, not classic zod: the same checks at a fraction of the size, which matters
// for the CLI's start-up time and the renderer's bundle. Mini ships no messages; load
// the English ones so every built-in issue still reads as a sentence.
z.config(english());

export const CONFIG_VERSION = 1;
export const DEFAULT_REGION = 'us-east-1';

/** Adapts a `check*` function (sentence or null) to a schema check. */
function sentence<T>(check: (value: T) => string | null) {
  return z.superRefine<T>((value, ctx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

export const checked = (check: (value: string) => string | null) => z.string().check(sentence(check));
/** A string of at most `max` characters: the views' and requests' plain text fields. */
export const maxText = (max: number) => z.string().check(z.maxLength(max));
const duration = (limits: { min: number; max: number }) =>
  z.number().check(sentence((value: number) => checkDuration(value, limits)));
const bounded = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const isoTime = z.string().check(z.refine((text) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) && !Number.isNaN(Date.parse(text)), 'a time is RFC 3339 in UTC, e.g. 2026-01-31T09:00:00Z'));

const NAME = /^[A-Za-z0-9_.@+-]{1,64}$/;
export const nameSchema = z
  .string()
  .check(
    z.regex(NAME, 'a name is 1 to 64 characters of letters, digits and _ . @ + -'),
    z.refine((n) => !['__proto__', 'constructor', 'prototype'].includes(n), 'that name is reserved'),
  );

export const LANGUAGES = ['system', 'en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ENVIRONMENTS = ['tes', 'stg', 'prd', 'other'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const identitySchema = z.strictObject({
  name: nameSchema,
  accessKeyId: checked(checkAccessKeyId),
  mfaSerial: z.optional(checked(checkSerialNumber)),
  region: z._default(checked(checkRegion), DEFAULT_REGION),
  /** Lifetime asked for the MFA session (GetSessionToken). */
  mfaSessionSeconds: z._default(duration(SESSION_TOKEN_DURATION), 43_200),
  /** The key's account, as STS said when the key was verified: a key from elsewhere is flagged. */
  account: z.optional(checked(checkAccountId)),
  /** When sts-tray stored the key (RFC 3339): its age when IAM will not tell its CreateDate. */
  keyStoredAt: z.optional(isoTime),
  /** Session policy (JSON) for the console opened with GetFederationToken, narrowing the user's permissions. */
  consolePolicy: z.optional(z.string().check(z.minLength(2), z.maxLength(2048), z.refine(isJson, 'a console policy is a JSON policy document'))),
  /**
   * A key rotation under way (no secret): when it started and the key it replaces. It lets a
   * rotation cut short by a crash or the network be recognised and finished.
   */
  rotation: z.optional(z.strictObject({ startedAt: isoTime, replacing: checked(checkAccessKeyId) })),
  /** The key a rotation deactivated instead of deleting (preference keys.oldKey): the next one deletes it. */
  retiredAccessKeyId: z.optional(checked(checkAccessKeyId)),
});
export type Identity = z.infer<typeof identitySchema>;

const roleFields = z.strictObject({
  name: nameSchema,
  env: z._default(z.enum(ENVIRONMENTS), 'other'),
  /** For a chained role: the identity at its chain's root, whose key or MFA session it rests on. */
  identity: nameSchema,
  /** Role chaining: assumed with this role's session instead of the identity's key or MFA session. */
  sourceRole: z.optional(nameSchema),
  roleArn: checked(checkRoleArn),
  externalId: z.optional(checked(checkExternalId)),
  sessionName: z.optional(checked(checkSessionName)),
  durationSeconds: z._default(duration(ASSUME_ROLE_DURATION), 3600),
  region: z.optional(checked(checkRegion)),
  mfa: z._default(z.boolean(), false),
  /** Section written in the credentials file; defaults to the role's name. */
  profile: z.optional(checked(checkProfileName)),
  mirrorDefault: z._default(z.boolean(), false),
  /**
   * Also serve the profile through `credential_process = sts-tray credential-process NAME` in
   * the config file. Coexists with the credentials-file profile: while that holds live keys,
   * AWS tools read those first.
   */
  credentialProcess: z.optional(z.boolean()),
});
/** A chained role's own limits (at most 1 h, no MFA of its own), reported at their fields. */
export const roleSchema = roleFields.check(
  z.superRefine((role, ctx) => {
    for (const problem of checkChainedRole(role)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message, input: role });
    }
  }),
);
export type Role = z.infer<typeof roleSchema>;

export const preferencesSchema = z.strictObject({
  renewalLeadSeconds: z._default(bounded(60, 3600), 300),
  mfaWarningLeadSeconds: z._default(z.array(bounded(60, 7200)).check(z.maxLength(5)), () => [900, 300]),
  clipboardClearSeconds: z._default(bounded(5, 600), 30),
  confirmPrd: z._default(z.boolean(), true),
  /**
   * What to do with a profile whose credentials expired because renewal was impossible:
   * 'keep' it, so AWS tools fail loudly with ExpiredToken, or 'remove' it, so they fall
   * back to whatever else is configured (which may be another account).
   */
  onExpired: z._default(z.enum(['keep', 'remove']), 'keep'),
  /** Desktop notifications, each kind on or off. */
  notifications: z._default(
    z.strictObject({
      mfaExpiring: z._default(z.boolean(), true),
      renewalFailed: z._default(z.boolean(), true),
      expired: z._default(z.boolean(), true),
      switchedPrd: z._default(z.boolean(), true),
    }),
    () => ({ mfaExpiring: true, renewalFailed: true, expired: true, switchedPrd: true }),
  ),
  launchAtLogin: z._default(z.boolean(), false),
  /** On quit, 'keep' our profiles (they expire by themselves) or 'remove' them. */
  onQuit: z._default(z.enum(['keep', 'remove']), 'keep'),
  /** 'system' follows the OS locale. */
  language: z._default(z.enum(LANGUAGES), 'system'),
  /** Long-lived keys: how old a key may get before we suggest rotating it, and what rotation does with the old key. */
  keys: z._default(
    z.strictObject({
      maxAgeDays: z._default(bounded(1, 3650), 90),
      oldKey: z._default(z.enum(['delete', 'deactivate']), 'delete'),
    }),
    () => ({ maxAgeDays: 90, oldKey: 'delete' as const }),
  ),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const appConfigSchema = z
  .strictObject({
    version: z.literal(CONFIG_VERSION),
    identities: z._default(z.array(identitySchema), () => []),
    roles: z._default(z.array(roleSchema), () => []),
    preferences: z._default(preferencesSchema, () => preferencesSchema.parse({})),
    /** IAM Identity Center sign-ins; their roles name them as `identity`. */
    ssoIdentities: z._default(z.array(ssoIdentitySchema), () => []),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = (kind: string, names: string[], path: string) => {
        const dup = names.find((n, i) => names.indexOf(n) !== i);
        if (dup) ctx.addIssue({ code: 'custom', path: [path], message: `two ${kind} are named "${dup}"`, input: names });
      };
      seen('identities', [...config.identities, ...config.ssoIdentities].map((i) => i.name), 'identities');
      seen('roles', config.roles.map((r) => r.name), 'roles');
      seen('roles', config.roles.map((r) => profileOf(r)), 'roles');
      const identities = new Set([...config.identities, ...config.ssoIdentities].map((i) => i.name));
      const ssoNames = new Set(config.ssoIdentities.map((i) => i.name));
      for (const role of config.roles) {
        if (ssoNames.has(role.identity) && role.sourceRole === undefined) {
          const problem = checkSsoRole(role);
          if (problem) ctx.addIssue({ code: 'custom', path: ['roles'], message: problem, input: role });
        }
        if (!identities.has(role.identity)) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles'],
            message: `role "${role.name}" uses identity "${role.identity}", which does not exist`,
            input: role,
          });
        }
        if (role.sourceRole === undefined) continue;
        const chain = resolveChain(config.roles, role.name);
        const problem = !chain.ok
          ? chain.message
          : chain.rootIdentity !== role.identity
            ? `role "${role.name}" is chained from "${role.sourceRole}", whose chain starts at identity "${chain.rootIdentity}", not "${role.identity}"`
            : null;
        if (problem) ctx.addIssue({ code: 'custom', path: ['roles'], message: problem, input: role });
      }
    }),
  );
export type AppConfig = z.infer<typeof appConfigSchema>;

export function emptyConfig(): AppConfig {
  return appConfigSchema.parse({ version: CONFIG_VERSION });
}

export function profileOf(role: Pick<Role, 'name' | 'profile'>): string {
  return role.profile ?? role.name;
}

