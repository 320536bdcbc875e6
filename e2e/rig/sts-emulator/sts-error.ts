// An STS error response in the making: the HTTP status, AWS's error code and message, and
// whether AWS blames the caller (Sender) or itself (Receiver). Handlers throw these; the
// server turns them into <ErrorResponse> XML.

export type StsErrorType = 'Sender' | 'Receiver';

export class StsError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: StsErrorType;

  constructor(status: number, code: string, message: string, type: StsErrorType = status >= 500 ? 'Receiver' : 'Sender') {
    super(message);
    this.name = 'StsError';
    this.status = status;
    this.code = code;
    this.type = type;
  }
}

// The wording below is AWS's own, so clients that match on it behave as they would against AWS.

export const signatureMismatch = (): StsError =>
  new StsError(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. ' +
      'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );

export const invalidClientTokenId = (): StsError =>
  new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');

export const expiredToken = (): StsError =>
  new StsError(403, 'ExpiredToken', 'The security token included in the request is expired');

export const notAuthorized = (callerArn: string, action: string, resource: string): StsError =>
  new StsError(403, 'AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`);

export const mfaCodeInvalid = (): StsError =>
  new StsError(403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');

export const mfaDeviceUnknown = (): StsError =>
  new StsError(
    403,
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code. ' +
      'Please verify your MFA serial number is valid and associated with this user.',
  );

export const mfaIncomplete = (): StsError =>
  new StsError(
    403,
    'AccessDenied',
    'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
  );

export const validationError = (message: string): StsError => new StsError(400, 'ValidationError', message);

export const throttling = (): StsError => new StsError(400, 'Throttling', 'Rate exceeded');

export const internalFailure = (): StsError =>
  new StsError(500, 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.');

export const serviceUnavailable = (): StsError =>
  new StsError(503, 'ServiceUnavailable', 'Service is unable to handle request.');

export const regionDisabled = (accountId: string): StsError =>
  new StsError(
    403,
    'RegionDisabledException',
    `STS is not activated in this region for account:${accountId}. ` +
      'Your account administrator can activate STS in this region using the IAM Console.',
  );
