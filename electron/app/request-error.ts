// An error only the IPC boundary can raise (a prd switch waiting for confirmation, a bad
// request), carrying the contract's code and the form field it is about.

import type { AppErrorCode } from '../contract/result.js';

export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
