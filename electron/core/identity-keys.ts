// The long-lived IAM user key of an identity: kept only in the keychain, read for one
// STS call and dropped. The stored access key ID is checked against the config, so an
// item deleted or edited outside the app is noticed instead of used.

import * as z from 'zod/mini';
import { StsTrayError } from './errors.js';
import { identityKeyItem } from './keychain-items.js';
import type { Credentials, Identity } from './model.js';
import type { SecretStore } from './ports.js';

const storedKeySchema = z.strictObject({
  v: z.literal(1),
  accessKeyId: z.string(),
  secretAccessKey: z.string().check(z.minLength(1)),
});

const SECRET_KEY = /^[\x21-\x7e]{16,128}$/;

export function checkSecretAccessKey(secret: string): string | null {
  return SECRET_KEY.test(secret)
    ? null
    : 'a secret access key is 16 to 128 printable characters without spaces (AWS shows it once, when the key is created)';
}

/** First and last four characters: enough to tell keys apart in a list. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

export async function saveIdentityKey(secrets: SecretStore, identity: Identity, secretAccessKey: string): Promise<void> {
  const problem = checkSecretAccessKey(secretAccessKey);
  if (problem) throw new StsTrayError('validation', `secret access key: ${problem}`);
  const value = JSON.stringify({ v: 1, accessKeyId: identity.accessKeyId, secretAccessKey });
  await secrets.set(identityKeyItem(identity.name), value);
}

export async function loadIdentityKey(secrets: SecretStore, identity: Identity): Promise<Credentials> {
  const raw = await secrets.get(identityKeyItem(identity.name));
  const reenter = `add it again with: sts-tray identity add ${identity.name} --access-key-id ${identity.accessKeyId}`;
  if (raw === null) {
    throw new StsTrayError(
      'keychain-item-changed',
      `the secret key of identity "${identity.name}" is missing from the keychain (deleted outside sts-tray?): ${reenter}`,
    );
  }
  let parsed: z.infer<typeof storedKeySchema>;
  try {
    parsed = storedKeySchema.parse(JSON.parse(raw));
  } catch {
    throw new StsTrayError(
      'keychain-item-changed',
      `the keychain item of identity "${identity.name}" was changed outside sts-tray and cannot be read: ${reenter}`,
    );
  }
  if (parsed.accessKeyId !== identity.accessKeyId) {
    throw new StsTrayError(
      'keychain-item-changed',
      `the keychain holds a key for another access key ID than identity "${identity.name}" uses: ${reenter}`,
    );
  }
  return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
}
