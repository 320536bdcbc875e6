// Validates every STS request locally, before it is sent: a bad value costs no
// network round trip and, for MFA calls, no single-use code.

import { StsTrayError } from './errors.js';
import type { AssumeRoleInput, GetSessionTokenInput } from './ports.js';
import {
  ASSUME_ROLE_DURATION,
  SESSION_TOKEN_DURATION,
  checkDuration,
  checkExternalId,
  checkMfaCode,
  checkRegion,
  checkRoleArn,
  checkSerialNumber,
  checkSessionName,
} from '../contract/sts-limits.js';

function fail(field: string, problem: string | null): void {
  if (problem) throw new StsTrayError('validation', `${field}: ${problem}`);
}

export function validateSessionToken(input: GetSessionTokenInput): void {
  fail('region', checkRegion(input.region));
  fail('MFA session duration', checkDuration(input.durationSeconds, SESSION_TOKEN_DURATION));
  fail('MFA device', checkSerialNumber(input.serialNumber));
  fail('MFA code', checkMfaCode(input.tokenCode));
}

export function validateAssumeRole(input: AssumeRoleInput): void {
  fail('region', checkRegion(input.region));
  fail('role ARN', checkRoleArn(input.roleArn));
  fail('role session name', checkSessionName(input.roleSessionName));
  fail('role session duration', checkDuration(input.durationSeconds, ASSUME_ROLE_DURATION));
  if (input.externalId !== undefined) fail('external ID', checkExternalId(input.externalId));
  if ((input.serialNumber === undefined) !== (input.tokenCode === undefined)) {
    throw new StsTrayError('validation', 'an MFA device and an MFA code go together; give both or neither');
  }
  if (input.serialNumber !== undefined) fail('MFA device', checkSerialNumber(input.serialNumber));
  if (input.tokenCode !== undefined) fail('MFA code', checkMfaCode(input.tokenCode));
}
