// Keys as the SDK's STS client takes them, for the emulator's SDK suites: the long-lived key of
// the fixtures' DEV user, and the keys of a session STS handed out.

import type { Credentials } from '@aws-sdk/client-sts';
import { DEV } from './fixtures.js';

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export const DEV_KEYS: Keys = { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey };

/** The keys of a session STS handed out (GetSessionToken, AssumeRole); an incomplete answer fails the test. */
export function keysOf(credentials: Credentials | undefined): Keys {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
    throw new Error('STS response had no complete Credentials');
  }
  return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken };
}
