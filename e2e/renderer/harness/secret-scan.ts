// Every secret value alive in a harness run (the long-lived key, the role sessions' keys and
// tokens in the credentials file, the MFA session's in the keychain), and a search for them
// in anything that reached the renderer.

import type { AppHarness } from './app-harness.js';
import { USER } from './sts-world.js';

/** label → secret value */
export type Secrets = ReadonlyMap<string, string>;

const FILE_SECRET = /^\s*(aws_secret_access_key|aws_session_token|aws_access_key_id)\s*=\s*(\S+)\s*$/gm;

export async function secretsInPlay(harness: AppHarness): Promise<Secrets> {
  const secrets = new Map<string, string>([['long-lived secret access key', USER.secretAccessKey]]);
  const credentials = (await harness.readCredentials()) ?? '';
  for (const [, key, value] of credentials.matchAll(FILE_SECRET)) {
    // Session key IDs (ASIA…) are not secret on their own, but the renderer never needs them either.
    if (key && value) secrets.set(`${key} ${value.slice(0, 8)}… (credentials file)`, value);
  }
  // An MFA session's keys; an IAM Identity Center sign-in's tokens and its client's secret; a
  // long-lived key, a rotation's new one included (in its own item until it is in use).
  const fields = {
    'mfa-session:': ['accessKeyId', 'secretAccessKey', 'sessionToken'],
    'sso-token:': ['accessToken', 'refreshToken'],
    'sso-client:': ['clientSecret'],
    'identity:': ['secretAccessKey'],
    'identity-next:': ['secretAccessKey'],
  };
  for (const [account, raw] of await harness.keychainItems()) {
    const kind = Object.entries(fields).find(([prefix]) => account.startsWith(prefix));
    if (!kind) continue;
    const item = JSON.parse(raw) as Record<string, unknown>;
    for (const field of kind[1]) {
      const value = item[field];
      if (typeof value === 'string') secrets.set(`${field} of ${account} (keychain)`, value);
    }
  }
  return secrets;
}

/** The labels of the secrets that occur in `text`. */
export function secretsIn(text: string, secrets: Secrets): string[] {
  return [...secrets].filter(([, value]) => text.includes(value)).map(([label]) => label);
}
