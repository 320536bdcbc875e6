// The codes every error carries across IPC and the CLI: they decide what a person is told.

export const ERROR_CODES = [
  // STS outcomes
  'needs-mfa',
  'invalid-mfa',
  'access-denied',
  'invalid-key',
  'expired',
  'throttled',
  'network',
  'clock-skew',
  'validation',
  // local outcomes
  'not-found',
  'conflict',
  'keychain-unavailable',
  'keychain-item-changed',
  'config-invalid',
  'file-unsafe',
  'file-io',
  'usage',
  // IAM Identity Center: the sign-in ended or was refused; only a new sign-in helps
  'needs-sign-in',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
