// Turns whatever the AWS SDK throws into a StsTrayError whose code drives the UI and
// whose message a person understands. Never echoes request data (keys, tokens, codes).

import { StsTrayError } from '../core/errors.js';

export interface StsCallContext {
  /** Who answered: STS, or IAM for the key calls (the same wire protocol and error shapes). */
  readonly service: 'STS' | 'IAM';
  readonly action:
    | 'GetSessionToken'
    | 'AssumeRole'
    | 'GetCallerIdentity'
    | 'GetAccessKeyInfo'
    | 'GetFederationToken'
    | 'DecodeAuthorizationMessage'
    | 'ListAccessKeys'
    | 'CreateAccessKey'
    | 'UpdateAccessKey'
    | 'DeleteAccessKey';
  readonly endpoint: string;
  /** The call carried a single-use MFA code. */
  readonly usedMfaCode: boolean;
  readonly roleArn?: string | undefined;
  readonly region: string;
}

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException']);
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture', 'InvalidSignatureException']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** AWS's own message, cut to one line; STS messages hold ARNs at most, never secrets. */
function awsMessage(error: SdkErrorShape): string {
  return (text(error.message).split('\n')[0] ?? '').slice(0, 300);
}

export function mapStsError(error: unknown, ctx: StsCallContext): StsTrayError {
  if (error instanceof StsTrayError) return error;
  const e: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
  const name = text(e.name);
  const sysCode = text(e.code);
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const message = awsMessage(e);
  const nextCode = ctx.usedMfaCode ? ' The code may have been used: wait for the next code and try again.' : '';

  if (name === 'AccessDenied' && /MultiFactorAuthentication/i.test(message)) {
    return new StsTrayError(
      'invalid-mfa',
      'invalid MFA code: it is wrong, expired or was already used — wait for the next code and enter it',
      { cause: error },
    );
  }
  if (name === 'InvalidClientTokenId') {
    return new StsTrayError(
      'invalid-key',
      'AWS does not recognise this access key ID: it was deleted or deactivated. Add the identity again with a current key',
      { cause: error },
    );
  }
  const skewed = CLOCK_SKEW.has(name) || (name === 'SignatureDoesNotMatch' && /signature expired|too skewed/i.test(message));
  if (skewed) {
    return new StsTrayError('clock-skew', "this computer's clock is too far from AWS's: set the clock right (enable network time) and try again", { cause: error });
  }
  if (name === 'SignatureDoesNotMatch') {
    return new StsTrayError(
      'invalid-key',
      'AWS rejected the signature: the secret access key does not belong to this access key ID. Add the identity again with the right secret',
      { cause: error },
    );
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException') {
    return new StsTrayError('expired', 'the session has expired: enter a new MFA code to start a new one', {
      cause: error,
    });
  }
  if (name === 'RegionDisabledException') {
    return new StsTrayError(
      'access-denied',
      `STS is not activated in region ${ctx.region} for this account: activate it in IAM (Account settings) or use another region`,
      { cause: error },
    );
  }
  if ((name === 'AccessDenied' || name === 'AccessDeniedException') && ctx.action === 'GetFederationToken' && /session credentials/i.test(message)) {
    return new StsTrayError(
      'access-denied',
      'GetFederationToken cannot be called with session credentials (an MFA session): it needs the long-lived key, so the console session it gives carries no MFA',
      { cause: error },
    );
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    if (ctx.roleArn) {
      return new StsTrayError(
        'access-denied',
        `not allowed to assume ${ctx.roleArn}: check the role's trust policy, the external ID and whether it requires MFA (AWS said: ${message})`,
        { cause: error },
      );
    }
    const mfaHint = /explicit deny/i.test(message) ? ' Policies that require MFA deny calls without an MFA session.' : '';
    return new StsTrayError(
      'access-denied',
      `not allowed to call ${ctx.service.toLowerCase()}:${ctx.action}: the identity's policies do not allow it (AWS said: ${message}).${mfaHint}`,
      { cause: error },
    );
  }
  if (name === 'LimitExceeded' || name === 'LimitExceededException') {
    return new StsTrayError('conflict', `IAM refused ${ctx.action}: a quota is reached (AWS said: ${message})`, { cause: error });
  }
  if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') {
    return new StsTrayError('not-found', `IAM has no such entity for ${ctx.action} (AWS said: ${message})`, { cause: error });
  }
  if (THROTTLING.has(name)) {
    return new StsTrayError('throttled', `${ctx.service} is throttling requests (${name}): try again in a moment`, {
      cause: error,
    });
  }
  if (name === 'ValidationError' || name === 'MalformedPolicyDocument' || name === 'PackedPolicyTooLarge') {
    return new StsTrayError('validation', `${ctx.service} rejected the request: ${message}`, { cause: error });
  }
  if (status !== undefined && status >= 500) {
    return new StsTrayError('network', `${ctx.service} is unavailable right now (HTTP ${status}): try again shortly.${nextCode}`, {
      cause: error,
    });
  }
  if (NETWORK_CODES.has(sysCode) || NETWORK_CODES.has(name) || /socket hang up|ECONNRESET|ECONNREFUSED|fetch failed/i.test(message)) {
    return new StsTrayError(
      'network',
      `cannot reach ${ctx.service} at ${ctx.endpoint}: check the network connection.${nextCode}`,
      { cause: error },
    );
  }
  const label = name || 'unknown error';
  return new StsTrayError('validation', `${ctx.service} refused ${ctx.action} (${label}): ${message || 'no details given'}`, {
    cause: error,
  });
}
