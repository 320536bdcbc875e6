// What every IPC request resolves to: a value, or an error whose code the renderer can act
// on (open the MFA prompt, ask for a confirmation, mark a form field). Requests never
// reject across IPC, so a failure always arrives as a sentence with a code.

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

export interface AppError {
  readonly code: AppErrorCode;
  /** A sentence for a person (at most 2,000 characters). */
  readonly message: string;
  /** The request field the error is about, for inline form messages (e.g. "role.roleArn"). */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: AppErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
