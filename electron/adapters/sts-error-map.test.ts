import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../core/errors.js';
import { mapStsError, type StsCallContext } from './sts-error-map.js';

const ctx: StsCallContext = {
  service: 'STS',
  action: 'AssumeRole',
  endpoint: 'http://127.0.0.1:1',
  usedMfaCode: false,
  roleArn: 'arn:aws:iam::222222222222:role/tes-deployer',
  region: 'ap-northeast-1',
};

function sdkError(name: string, message: string, status?: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe('mapStsError (TEST-MATRIX: STS)', () => {
  it.each<[string, Error, ErrorCode, RegExp]>([
    ['wrong MFA code', sdkError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403), 'invalid-mfa', /wait for the next code/],
    ['not allowed to assume', sdkError('AccessDenied', 'User: arn:aws:iam::111111111111:user/dev is not authorized', 403), 'access-denied', /not allowed to assume arn:aws:iam::222222222222:role\/tes-deployer/],
    ['key deleted', sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403), 'invalid-key', /deleted or deactivated/],
    ['wrong secret', sdkError('SignatureDoesNotMatch', 'The request signature we calculated does not match', 403), 'invalid-key', /secret access key does not belong/],
    ['clock off', sdkError('SignatureDoesNotMatch', 'Signature expired: 20261122T100000Z is now earlier than 20261122T101500Z', 403), 'clock-skew', /clock/],
    ['expired session', sdkError('ExpiredToken', 'The security token included in the request is expired', 403), 'expired', /new MFA code/],
    ['region disabled', sdkError('RegionDisabledException', 'STS is not activated in this region', 403), 'access-denied', /not activated in region ap-northeast-1/],
    ['throttled', sdkError('Throttling', 'Rate exceeded', 400), 'throttled', /throttling/],
    ['5xx', sdkError('ServiceUnavailable', 'Service Unavailable', 503), 'network', /HTTP 503/],
    ['validation', sdkError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400), 'validation', /MaxSessionDuration/],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network', /cannot reach STS at http:\/\/127\.0\.0\.1:1/],
  ])('%s → %s', (_label, error, code, message) => {
    const mapped = mapStsError(error, ctx);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
  });

  it('tells the user to wait for the next code when an MFA call failed on the network', () => {
    const error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(mapStsError(error, { ...ctx, usedMfaCode: true }).message).toMatch(/wait for the next code/);
  });

  it.each<[string, Error, ErrorCode, RegExp]>([
    ['key quota', sdkError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409), 'conflict', /quota is reached.*AccessKeysPerUser: 2/],
    ['no such key', sdkError('NoSuchEntity', 'The Access Key with id AKIAFAKE cannot be found.', 404), 'not-found', /no such entity for CreateAccessKey/],
    ['policy wants MFA', sdkError('AccessDenied', 'User: x is not authorized to perform: iam:CreateAccessKey with an explicit deny', 403), 'access-denied', /iam:CreateAccessKey.*require MFA/],
    ['throttled', sdkError('Throttling', 'Rate exceeded', 400), 'throttled', /^IAM is throttling/],
    ['network', Object.assign(new Error('fetch failed'), { name: 'TypeError' }), 'network', /cannot reach IAM/],
  ])('IAM: %s → %s', (_label, error, code, message) => {
    const mapped = mapStsError(error, { ...ctx, service: 'IAM', action: 'CreateAccessKey', roleArn: undefined });
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
  });

  it('says GetFederationToken needs the long-lived key', () => {
    const error = sdkError('AccessDenied', 'Cannot call GetFederationToken with session credentials', 403);
    expect(mapStsError(error, { ...ctx, action: 'GetFederationToken', roleArn: undefined }).message).toMatch(/long-lived key.*carries no MFA/);
  });

  it('gives each fatal STS error its own message', () => {
    const messages = ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'RegionDisabledException', 'AccessDenied'].map(
      (name) => mapStsError(sdkError(name, 'x', 403), ctx).message,
    );
    expect(new Set(messages).size).toBe(messages.length);
  });
});
