// Checks one ProfileWrite before anything touches a file and turns it into the exact lines we
// will write. A value that could break a line, be cut as a comment, or read differently by
// botocore and the JS SDK is refused here; no error ever quotes a key or token.

import { StsTrayError } from '../errors.js';
import { checkProfileName } from '../../contract/profile-name.js';
import { checkAccessKeyId, checkRegion } from '../../contract/sts-limits.js';
import { rfc3339 } from '../time.js';

/** One profile to write: a role session's keys for the credentials file, its region for the config file. */
export interface ProfileWrite {
  /** Section name in the credentials file ('default' allowed). */
  readonly profile: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ms epoch -> x_security_token_expires (RFC 3339, UTC, e.g. 2026-11-22T13:05:00Z). */
  readonly expiresAt: number;
  /** -> config file: [profile NAME] (or [default]) gets `region = …`. */
  readonly region?: string | undefined;
  /** e.g. "role tes" — goes into the ownership marker comment. */
  readonly source: string;
}

/** The keys sts-tray owns in a credentials-file section, in the order new lines are written. */
export const CREDENTIAL_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'x_security_token_expires'] as const;
export const REGION_KEY = 'region';

/** Long enough for any STS session token (they reach a few KB), short of absurd. */
const MAX_VALUE_LENGTH = 65_536;
const SOURCE = /^[A-Za-z0-9 _.@+/-]{1,100}$/;
/** Year 10000: the last instant RFC 3339 can write with four digits. */
const MAX_EXPIRY_MS = 253_402_300_800_000;

export interface PlannedProfile {
  readonly profile: string;
  readonly source: string;
  readonly credentials: readonly (readonly [string, string])[];
  readonly region: string | undefined;
}

function invalid(message: string): StsTrayError {
  return new StsTrayError('validation', `${message}; nothing was written.`);
}

function shown(profile: string): string {
  return JSON.stringify(profile.length > 70 ? `${profile.slice(0, 70)}…` : profile);
}

/** Throws `validation` unless the name can be a section in both files without quoting. */
export function checkProfileForFiles(profile: unknown): string {
  if (typeof profile !== 'string') throw invalid('a profile name must be text');
  const problem = checkProfileName(profile);
  if (problem) throw invalid(`profile ${shown(profile)}: ${problem}`);
  // configparser treats [DEFAULT] as defaults for every profile: our keys would leak into all of them.
  if (profile === 'DEFAULT') throw invalid('profile "DEFAULT" is special to the AWS CLI (its keys apply to every profile); pick another name');
  return profile;
}

function checkValue(profile: string, what: string, value: unknown): string {
  const label = `the ${what} for profile ${shown(profile)}`;
  if (typeof value !== 'string') throw invalid(`${label} is missing`);
  if (/[\r\n]/.test(value)) throw invalid(`${label} contains a line break`);
  if (value === '') throw invalid(`${label} is empty`);
  if (value.length > MAX_VALUE_LENGTH) throw invalid(`${label} is longer than ${MAX_VALUE_LENGTH} characters`);
  if (/[^\x21-\x7e]/.test(value)) throw invalid(`${label} contains spaces, control or non-ASCII characters`);
  if (value.startsWith('#') || value.startsWith(';')) throw invalid(`${label} starts with # or ;, which AWS tools would read as a comment`);
  return value;
}

export function parseExpiry(text: string | undefined): number | null {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export function planProfileWrite(entry: ProfileWrite): PlannedProfile {
  const profile = checkProfileForFiles(entry.profile);
  const accessKeyId = checkValue(profile, 'access key ID', entry.accessKeyId);
  const idProblem = checkAccessKeyId(accessKeyId);
  if (idProblem) throw invalid(`the access key ID for profile ${shown(profile)} is not valid: ${idProblem}`);
  const secret = checkValue(profile, 'secret access key', entry.secretAccessKey);
  const token = checkValue(profile, 'session token', entry.sessionToken);
  if (typeof entry.expiresAt !== 'number' || !Number.isFinite(entry.expiresAt) || entry.expiresAt < 0 || entry.expiresAt >= MAX_EXPIRY_MS) {
    throw invalid(`the expiry time for profile ${shown(profile)} is not a valid date`);
  }
  if (typeof entry.source !== 'string' || !SOURCE.test(entry.source)) {
    throw invalid(`the source label for profile ${shown(profile)} must be 1 to 100 letters, digits, spaces or _ . @ + / -`);
  }
  let region: string | undefined;
  if (entry.region !== undefined) {
    region = checkValue(profile, 'region', entry.region);
    const regionProblem = checkRegion(region);
    if (regionProblem) throw invalid(`the region for profile ${shown(profile)} is not valid: ${regionProblem}`);
  }
  // x_security_token_expires: rounded down by rfc3339, so never later than the real expiry.
  const values = [accessKeyId, secret, token, rfc3339(entry.expiresAt)];
  return {
    profile,
    source: entry.source,
    credentials: CREDENTIAL_KEYS.map((key, i) => [key, values[i] ?? ''] as const),
    region,
  };
}

/** The config file's section for a profile: [default] or [profile NAME]. */
export function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}
