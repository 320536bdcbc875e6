// The JSON form of the emulator's options, for run-emulator.ts: MFA seeds are base32 (as an
// authenticator app shows them) and there is no clock function. Parsed with zod so a bad
// file is refused with the field named.

import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { base32Decode } from './base32.js';
import type { StsEmulatorOptions } from './emulator-config.js';

const userSchema = z.object({
  userName: z.string(),
  accountId: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  mfa: z.object({ serial: z.string(), secretBase32: z.string().regex(/^[A-Za-z2-7=\s]+$/, 'base32: A-Z and 2-7') }).optional(),
});

const roleSchema = z.object({
  arn: z.string(),
  trustedUsers: z.array(z.string()),
  externalId: z.string().optional(),
  requireMfa: z.boolean().optional(),
  maxSessionDuration: z.number().int().optional(),
});

export const emulatorFileSchema = z.strictObject({
  users: z.array(userSchema),
  roles: z.array(roleSchema),
  minDurationSeconds: z.number().int().optional(),
  sessionTokenLength: z.number().int().optional(),
  region: z.string().optional(),
  issuedLifetimeSeconds: z
    .strictObject({ roleSession: z.number().int().optional(), mfaSession: z.number().int().optional() })
    .optional(),
});

export type EmulatorFile = z.infer<typeof emulatorFileSchema>;

export function optionsFromFile(file: EmulatorFile): StsEmulatorOptions {
  return {
    users: file.users.map(({ mfa, ...user }) => ({
      ...user,
      mfa: mfa ? { serial: mfa.serial, secret: base32Decode(mfa.secretBase32) } : undefined,
    })),
    roles: file.roles,
    ...(file.minDurationSeconds === undefined ? {} : { minDurationSeconds: file.minDurationSeconds }),
    ...(file.sessionTokenLength === undefined ? {} : { sessionTokenLength: file.sessionTokenLength }),
    ...(file.region === undefined ? {} : { region: file.region }),
    ...(file.issuedLifetimeSeconds === undefined ? {} : { issuedLifetimeSeconds: file.issuedLifetimeSeconds }),
  };
}

/** Reads and checks a config file; throws an Error that names the file and the bad field. */
export function readEmulatorFile(path: string): StsEmulatorOptions {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read emulator config ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = emulatorFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`emulator config ${path} is not valid:\n${z.prettifyError(parsed.error)}`);
  return optionsFromFile(parsed.data);
}
