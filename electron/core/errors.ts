// Errors that carry a machine-readable code. The code survives IPC and the CLI and
// decides what a person is told; the message is already written for that person.

import type { ErrorCode } from '../contract/error-codes.js';

export { ERROR_CODES, type ErrorCode } from '../contract/error-codes.js';

export class StsTrayError extends Error {
  override readonly name = 'StsTrayError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isStsTrayError(value: unknown): value is StsTrayError {
  return value instanceof StsTrayError;
}

/** A one-line reason for a person, never a stack trace. */
export function describeError(error: unknown): string {
  if (isStsTrayError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message.split('\n')[0] ?? ''}`;
  return `unexpected error: ${String(error)}`;
}
