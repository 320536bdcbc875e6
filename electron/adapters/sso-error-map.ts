// What IAM Identity Center's answers mean for a person. Its error bodies are JSON; the type
// comes in the x-amzn-ErrorType header (or __type, or the OAuth `error` field). Messages are
// ours: the service's own text and the request (tokens, codes) are never echoed.

import { StsTrayError } from '../core/errors.js';

export type SsoCall =
  | 'RegisterClient'
  | 'StartDeviceAuthorization'
  | 'CreateToken'
  | 'RefreshToken'
  | 'ListAccounts'
  | 'ListAccountRoles'
  | 'GetRoleCredentials'
  | 'Logout';

export interface SsoErrorContext {
  readonly call: SsoCall;
  readonly region: string;
  readonly endpoint: string;
  /** For GetRoleCredentials: which role. */
  readonly target?: string | undefined;
}

const OAUTH_TYPES: Readonly<Record<string, string>> = {
  authorization_pending: 'AuthorizationPendingException',
  slow_down: 'SlowDownException',
  expired_token: 'ExpiredTokenException',
  access_denied: 'AccessDeniedException',
  invalid_grant: 'InvalidGrantException',
  invalid_client: 'InvalidClientException',
  unauthorized_client: 'UnauthorizedClientException',
  invalid_request: 'InvalidRequestException',
};

/** The error's type name from an HTTP answer that was not a success. */
export function errorType(headers: Headers, body: unknown): string {
  const header = headers.get('x-amzn-errortype');
  const fromHeader = header?.split(':')[0]?.trim();
  if (fromHeader) return fromHeader;
  if (typeof body === 'object' && body !== null) {
    const fields = body as Record<string, unknown>;
    if (typeof fields.__type === 'string') return fields.__type.split('#').pop() ?? fields.__type;
    if (typeof fields.error === 'string') return OAUTH_TYPES[fields.error] ?? fields.error;
  }
  return '';
}

export function mapSsoError(type: string, status: number, ctx: SsoErrorContext): StsTrayError {
  const signIn = ctx.call === 'CreateToken' || ctx.call === 'StartDeviceAuthorization' || ctx.call === 'RegisterClient';
  switch (type) {
    case 'AccessDeniedException':
      return signIn
        ? new StsTrayError('access-denied', 'the sign-in was denied in the browser; nothing was saved')
        : new StsTrayError('access-denied', `IAM Identity Center refused ${ctx.call}: you are not assigned to ${ctx.target ?? 'this'}`);
    case 'ExpiredTokenException':
      return new StsTrayError('expired', 'the sign-in code expired before it was approved; nothing was saved: sign in again');
    case 'InvalidGrantException':
    case 'InvalidClientException':
    case 'UnauthorizedClientException':
    case 'UnauthorizedException':
      return new StsTrayError('needs-sign-in', 'IAM Identity Center no longer accepts this sign-in (ended or revoked)');
    case 'ForbiddenException':
      return new StsTrayError('access-denied', `IAM Identity Center refused ${ctx.call} for ${ctx.target ?? 'this sign-in'}`);
    case 'ResourceNotFoundException':
      return new StsTrayError('not-found', `IAM Identity Center has no ${ctx.target ?? 'such account or role'} for this sign-in (no longer assigned?)`);
    case 'TooManyRequestsException':
    case 'SlowDownException':
      return new StsTrayError('throttled', `IAM Identity Center is throttling requests (${ctx.call}): try again in a moment`);
    case 'InvalidRequestException':
      if (ctx.call === 'StartDeviceAuthorization') {
        return new StsTrayError(
          'validation',
          `IAM Identity Center in ${ctx.region} does not know this start URL: check the start URL and that ${ctx.region} is the region of your IAM Identity Center (sso_region)`,
        );
      }
      return new StsTrayError('validation', `IAM Identity Center refused ${ctx.call} as invalid`);
  }
  if (status >= 500) return new StsTrayError('network', `IAM Identity Center is unavailable right now (HTTP ${status}): try again shortly`);
  return new StsTrayError('validation', `IAM Identity Center refused ${ctx.call} (${type || `HTTP ${status}`})`);
}

export function networkError(ctx: SsoErrorContext, cause: unknown): StsTrayError {
  return new StsTrayError('network', `cannot reach IAM Identity Center in ${ctx.region} (${ctx.endpoint}): check the network connection and the SSO region`, { cause });
}
