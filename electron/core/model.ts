// The domain model and the app config schema (one JSON file, no secrets in it).

import { z } from 'zod';
import { checkProfileName } from './profile-name.js';
import {
  ASSUME_ROLE_DURATION,
  SESSION_TOKEN_DURATION,
  checkAccessKeyId,
  checkDuration,
  checkExternalId,
  checkRegion,
  checkRoleArn,
  checkSerialNumber,
  checkSessionName,
} from './sts-limits.js';

export const CONFIG_VERSION = 1;
export const DEFAULT_REGION = 'us-east-1';

/** Adapts a `check*` function (sentence or null) to a zod refinement. */
function checked(check: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

function duration(limits: { min: number; max: number }) {
  return z.number().superRefine((value, ctx) => {
    const problem = checkDuration(value, limits);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const NAME = /^[A-Za-z0-9_.@+-]{1,64}$/;
export const nameSchema = z
  .string()
  .regex(NAME, 'a name is 1 to 64 characters of letters, digits and _ . @ + -')
  .refine((n) => !['__proto__', 'constructor', 'prototype'].includes(n), 'that name is reserved');

export const ENVIRONMENTS = ['tes', 'stg', 'prd', 'other'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const identitySchema = z.strictObject({
  name: nameSchema,
  accessKeyId: checked(checkAccessKeyId),
  mfaSerial: checked(checkSerialNumber).optional(),
  region: checked(checkRegion).default(DEFAULT_REGION),
  /** Lifetime asked for the MFA session (GetSessionToken). */
  mfaSessionSeconds: duration(SESSION_TOKEN_DURATION).default(43_200),
});
export type Identity = z.infer<typeof identitySchema>;

export const roleSchema = z.strictObject({
  name: nameSchema,
  env: z.enum(ENVIRONMENTS).default('other'),
  identity: nameSchema,
  roleArn: checked(checkRoleArn),
  externalId: checked(checkExternalId).optional(),
  sessionName: checked(checkSessionName).optional(),
  durationSeconds: duration(ASSUME_ROLE_DURATION).default(3600),
  region: checked(checkRegion).optional(),
  mfa: z.boolean().default(false),
  /** Section written in the credentials file; defaults to the role's name. */
  profile: checked(checkProfileName).optional(),
  mirrorDefault: z.boolean().default(false),
});
export type Role = z.infer<typeof roleSchema>;

export const preferencesSchema = z.strictObject({
  renewalLeadSeconds: z.number().int().min(60).max(3600).default(300),
  mfaWarningLeadSeconds: z.array(z.number().int().min(60).max(7200)).max(5).default([900, 300]),
  clipboardClearSeconds: z.number().int().min(5).max(600).default(30),
  confirmPrd: z.boolean().default(true),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const appConfigSchema = z
  .strictObject({
    version: z.literal(CONFIG_VERSION),
    identities: z.array(identitySchema).default([]),
    roles: z.array(roleSchema).default([]),
    preferences: preferencesSchema.default(() => preferencesSchema.parse({})),
  })
  .superRefine((config, ctx) => {
    const seen = (kind: string, names: string[], path: string) => {
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      if (dup) ctx.addIssue({ code: 'custom', path: [path], message: `two ${kind} are named "${dup}"` });
    };
    seen('identities', config.identities.map((i) => i.name), 'identities');
    seen('roles', config.roles.map((r) => r.name), 'roles');
    seen('roles', config.roles.map((r) => profileOf(r)), 'roles');
    const identities = new Set(config.identities.map((i) => i.name));
    for (const role of config.roles) {
      if (!identities.has(role.identity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles'],
          message: `role "${role.name}" uses identity "${role.identity}", which does not exist`,
        });
      }
    }
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

export function emptyConfig(): AppConfig {
  return appConfigSchema.parse({ version: CONFIG_VERSION });
}

export function profileOf(role: Pick<Role, 'name' | 'profile'>): string {
  return role.profile ?? role.name;
}

/** Long-lived or temporary keys. Never leaves the main process. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface TemporaryCredentials extends Credentials {
  readonly sessionToken: string;
  /** Absolute expiry in ms since the epoch, as STS stated it. */
  readonly expiresAt: number;
  /** STS's clock minus ours, in ms, when known (signing corrects for it). */
  readonly serverClockOffsetMs: number;
  /** For AssumeRole: the assumed-role ARN STS returned. */
  readonly assumedRoleArn?: string | undefined;
}

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}
