// Awaits a promise that must fail with a StsTrayError and returns that error, so tests
// can assert on its code and message; anything else fails the test.

import { StsTrayError } from '../errors.js';

export async function errorOf(promise: Promise<unknown>): Promise<StsTrayError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StsTrayError)) throw new Error(`expected a StsTrayError, got ${String(error)}`);
  return error;
}
