// What every IPC request resolves to: a value, or an error whose code the renderer can act
// on (open the MFA prompt, ask for a confirmation, mark a form field). Requests never
// reject across IPC, so a failure always arrives as a sentence with a code.

import * as z from 'zod/mini';
import { ERROR_CODES } from './error-codes.js';

/** The core's codes, plus what only the IPC boundary can say. */
export const APP_ERROR_CODES = [
  ...ERROR_CODES,
  /** A switch to a prd role waits for the user's confirmation (preference confirmPrd). */
  'needs-confirmation',
  /** The payload did not match the channel's schema. */
  'bad-request',
  /** The message came from a frame that is not our window. */
  'forbidden-sender',
  /** A bug: the message is generic, details stay in main's log. */
  'internal',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const appErrorSchema = z.strictObject({
  code: z.enum(APP_ERROR_CODES),
  message: z.string().check(z.maxLength(2000)),
  /** The request field the error is about, for inline form messages (e.g. "roleArn"). */
  field: z.optional(z.string().check(z.maxLength(100))),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: AppErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}
