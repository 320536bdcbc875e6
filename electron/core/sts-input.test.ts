import { describe, expect, it } from 'vitest';
import type { AssumeRoleInput, GetSessionTokenInput } from './ports.js';
import { validateAssumeRole, validateSessionToken } from './sts-input.js';

const credentials = { accessKeyId: 'AKIAFAKEFAKEFAKE0001', secretAccessKey: 'fake-secret' };
const token: GetSessionTokenInput = {
  credentials,
  region: 'ap-northeast-1',
  durationSeconds: 43_200,
  serialNumber: 'arn:aws:iam::111111111111:mfa/dev',
  tokenCode: '123456',
};
const assume: AssumeRoleInput = {
  credentials,
  region: 'ap-northeast-1',
  roleArn: 'arn:aws:iam::222222222222:role/tes-deployer',
  roleSessionName: 'sts-tray-dev',
  durationSeconds: 3600,
  externalId: 'ext-tes',
};

describe('local STS validation (TEST-MATRIX: STS)', () => {
  it.each(['12345', '1234567', '12 3456', 'abcdef', '١٢٣٤٥٦', '12345６', ' 123456', ''])(
    'rejects MFA code %j before sending',
    (tokenCode) => {
      expect(() => validateSessionToken({ ...token, tokenCode })).toThrow(/MFA code: an MFA code is exactly 6 digits/);
      expect(() =>
        validateAssumeRole({ ...assume, serialNumber: token.serialNumber, tokenCode }),
      ).toThrow(/MFA code/);
    },
  );

  it.each([
    ['external ID of 1 char', { externalId: 'x' }, /external ID/],
    ['external ID of 1225 chars', { externalId: 'x'.repeat(1225) }, /external ID/],
    ['session name of 1 char', { roleSessionName: 'x' }, /role session name/],
    ['session name of 65 chars', { roleSessionName: 'x'.repeat(65) }, /role session name/],
    ['session name with a space', { roleSessionName: 'my session' }, /role session name/],
    ['duration 899', { durationSeconds: 899 }, /duration/],
    ['duration 43201', { durationSeconds: 43_201 }, /duration/],
    ['bad role ARN', { roleArn: 'arn:aws:iam::12345:role/x' }, /role ARN/],
    ['code without device', { tokenCode: '123456' }, /go together/],
  ] as const)('AssumeRole rejects %s', (_label, patch, message) => {
    expect(() => validateAssumeRole({ ...assume, ...patch })).toThrow(message);
  });

  it.each([
    ['external ID of 2 chars', { externalId: 'xy' }],
    ['external ID of 1224 chars', { externalId: 'x'.repeat(1224) }],
    ['session name of 64 chars', { roleSessionName: 'x'.repeat(64) }],
    ['duration 900', { durationSeconds: 900 }],
    ['duration 43200', { durationSeconds: 43_200 }],
  ] as const)('AssumeRole accepts %s', (_label, patch) => {
    expect(() => validateAssumeRole({ ...assume, ...patch })).not.toThrow();
  });

  it.each([899, 129_601, 1.5])('GetSessionToken rejects duration %d', (durationSeconds) => {
    expect(() => validateSessionToken({ ...token, durationSeconds })).toThrow(/MFA session duration/);
  });

  it('GetSessionToken accepts 129600 seconds (36 h)', () => {
    expect(() => validateSessionToken({ ...token, durationSeconds: 129_600 })).not.toThrow();
  });
});
