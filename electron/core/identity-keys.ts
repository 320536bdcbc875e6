// The long-lived IAM user key of an identity: kept only in the keychain, read for one
// STS call and dropped. The stored access key ID is checked against the config, so an
// item deleted or edited outside the app is noticed instead of used. During a rotation the
// new key waits in an item of its own; whichever of the two the config names is the key,
// so a rotation cut short at any step leaves one that works.

import * as z from 'zod/mini';
import { StsTrayError } from './errors.js';
import { identityKeyItem, identityNextKeyItem } from './keychain-items.js';
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
  await saveKey(secrets, identityKeyItem(identity.name), { accessKeyId: identity.accessKeyId, secretAccessKey });
}

/** Keeps a rotation's new key beside the current one until the config switches to it. */
export async function saveStagedKey(secrets: SecretStore, identityName: string, key: Credentials): Promise<void> {
  await saveKey(secrets, identityNextKeyItem(identityName), key);
}

/** The staged key of an unfinished rotation, or null (also when the item is unreadable). */
export async function loadStagedKey(secrets: SecretStore, identityName: string): Promise<Credentials | null> {
  return readKey(await secrets.get(identityNextKeyItem(identityName)));
}

export async function dropStagedKey(secrets: SecretStore, identityName: string): Promise<void> {
  await secrets.delete(identityNextKeyItem(identityName));
}

async function saveKey(secrets: SecretStore, item: string, key: Credentials): Promise<void> {
  const problem = checkSecretAccessKey(key.secretAccessKey);
  if (problem) throw new StsTrayError('validation', `secret access key: ${problem}`);
  await secrets.set(item, JSON.stringify({ v: 1, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }));
}

function readKey(raw: string | null): Credentials | null {
  if (raw === null) return null;
  try {
    const parsed = storedKeySchema.parse(JSON.parse(raw));
    return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
  } catch {
    return null;
  }
}

export async function loadIdentityKey(secrets: SecretStore, identity: Identity): Promise<Credentials> {
  const raw = await secrets.get(identityKeyItem(identity.name));
  const reenter = `add it again with: sts-tray identity add ${identity.name} --access-key-id ${identity.accessKeyId}`;
  // A rotation that switched the config to its new key but stopped before the key's own item was rewritten.
  const staged = readKey(raw)?.accessKeyId === identity.accessKeyId ? null : await loadStagedKey(secrets, identity.name);
  if (staged?.accessKeyId === identity.accessKeyId) return staged;
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
