// STS's own input constraints, checked locally so a bad value never reaches the network.
// Each check returns a sentence for a person, or null when the value is fine.

export const ASSUME_ROLE_DURATION = { min: 900, max: 43_200 } as const;
export const SESSION_TOKEN_DURATION = { min: 900, max: 129_600 } as const;
/** A console session opened from a role or federated session: 15 min to 12 h. */
export const CONSOLE_SESSION_DURATION = { min: 900, max: 43_200 } as const;

const MFA_CODE = /^[0-9]{6}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::[0-9]{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ACCOUNT_ID = /^[0-9]{12}$/;
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/;

export function checkMfaCode(code: string): string | null {
  return MFA_CODE.test(code) ? null : 'an MFA code is exactly 6 digits (0-9); type the code your device shows now';
}

export function checkExternalId(value: string): string | null {
  return EXTERNAL_ID.test(value)
    ? null
    : 'an external ID is 2 to 1224 characters of letters, digits and + = , . @ : / - _';
}

export function checkSessionName(value: string): string | null {
  return SESSION_NAME.test(value)
    ? null
    : 'a role session name is 2 to 64 characters of letters, digits and + = , . @ - _ (no spaces)';
}

export function checkSerialNumber(value: string): string | null {
  return SERIAL_NUMBER.test(value)
    ? null
    : 'an MFA device is its ARN (arn:aws:iam::123456789012:mfa/name) or a hardware serial of 9 to 256 characters';
}

export function checkRoleArn(value: string): string | null {
  if (value.length > 2048 || !ROLE_ARN.test(value)) {
    return 'a role ARN looks like arn:aws:iam::123456789012:role/name';
  }
  return null;
}

export function checkRoleName(value: string): string | null {
  return ROLE_NAME.test(value) ? null : 'a role name is 1 to 64 characters of letters, digits and + = , . @ - _';
}

export function checkAccountId(value: string): string | null {
  return ACCOUNT_ID.test(value) ? null : 'an AWS account ID is exactly 12 digits';
}

export function checkAccessKeyId(value: string): string | null {
  return ACCESS_KEY_ID.test(value)
    ? null
    : 'an access key ID is 16 to 128 upper-case letters and digits (it usually starts with AKIA)';
}

export function checkRegion(value: string): string | null {
  return REGION.test(value) ? null : 'a region looks like ap-northeast-1 or us-east-1';
}

export function checkDuration(seconds: number, limits: { min: number; max: number }): string | null {
  if (!Number.isInteger(seconds) || seconds < limits.min || seconds > limits.max) {
    return `a duration is a whole number of seconds from ${limits.min} to ${limits.max}`;
  }
  return null;
}

export function checkConsoleDuration(seconds: number): string | null {
  return checkDuration(seconds, CONSOLE_SESSION_DURATION) === null
    ? null
    : `a console session lasts ${CONSOLE_SESSION_DURATION.min / 60} minutes to ${CONSOLE_SESSION_DURATION.max / 3600} hours (${CONSOLE_SESSION_DURATION.min} to ${CONSOLE_SESSION_DURATION.max} seconds)`;
}

export function roleArnFrom(accountId: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}
