// Rotating an identity's long-lived key, so that a failure at any step leaves one working key
// in the keychain and says what IAM holds. The order: list the keys (two already: refuse,
// unless they are leftovers of our own rotation), note the rotation in the config, create the
// new key, keep it in the keychain beside the old one, verify it with STS (IAM is eventually
// consistent: retried for up to ~15 s), switch the config and the keychain to it, and only
// then delete the old key (or deactivate it: preference keys.oldKey). Running it again after
// an interruption finishes what was left: it verifies a staged key, deletes a key whose secret
// was lost, retires the replaced key.

import type { AppServices } from './app-services.js';
import { StsTrayError, describeError, type ErrorCode } from './errors.js';
import { dropStagedKey, loadIdentityKey, loadStagedKey, saveIdentityKey, saveStagedKey } from './identity-keys.js';
import { takeInventory } from './key-inventory.js';
import type { Credentials, Identity } from './model.js';
import { findIdentity } from './sessions.js';

export interface RotationOptions {
  readonly mfaCode?: string | undefined;
  /** How long STS may take to accept the new key. */
  readonly verifyWithinMs?: number | undefined;
}

export interface RotationReport {
  readonly identity: string;
  readonly newAccessKeyId: string;
  readonly oldAccessKeyId: string;
  readonly oldKey: 'deleted' | 'deactivated' | 'already gone';
  /** What was tidied up on the way (leftovers of an interrupted rotation). */
  readonly notes: readonly string[];
}

const VERIFY_WITHIN_MS = 15_000;

type RotationServices = Pick<AppServices, 'configStore' | 'secrets' | 'sts' | 'sessions' | 'tools' | 'clock'>;

interface Step {
  readonly services: RotationServices;
  readonly identity: Identity;
  /** For IAM: the MFA session when the identity has a device, else a long-lived key. */
  readonly iamCredentials: Credentials | undefined;
  readonly verifyWithinMs: number;
  /** Preference keys.oldKey, from the config read when the rotation started. */
  readonly oldKey: 'delete' | 'deactivate';
  readonly notes: string[];
}

export async function rotateIdentityKey(services: RotationServices, name: string, options: RotationOptions = {}): Promise<RotationReport> {
  const config = await services.configStore.load();
  const identity = findIdentity(config, name);
  const mfa = identity.mfaSerial ? await services.sessions.identityMfaSession(name, options.mfaCode) : undefined;
  const step: Step = {
    services,
    identity,
    iamCredentials: mfa,
    verifyWithinMs: options.verifyWithinMs ?? VERIFY_WITHIN_MS,
    oldKey: config.preferences.keys.oldKey,
    notes: [],
  };
  const current = await loadIdentityKey(services.secrets, identity);
  // Whole key IDs in these messages: a person may have to type them into aws iam delete-access-key.
  const old = identity.accessKeyId;
  const stillWorks = `your key ${old} still works and is still the one in use`;

  const keys = await iam(step, current, 'ListAccessKeys', `rotation did not start: ${stillWorks}`, (c) =>
    services.tools.iam.listAccessKeys(c),
  );
  const staged = await loadStagedKey(services.secrets, name);
  const inventory = takeInventory(identity, keys, staged?.accessKeyId ?? null);
  if (!inventory.current) {
    throw new StsTrayError(
      'validation',
      `IAM does not list the key sts-tray holds (${old}) for this user, so it cannot be rotated here: check the identity with sts-tray identity show ${name}`,
    );
  }

  // Leftovers of an interrupted rotation first.
  const replaced = inventory.others.find((k) => k.kind === 'replaced');
  if (replaced) {
    step.notes.push(`finishing the last rotation, which switched to ${old} but left ${replaced.accessKeyId} in IAM`);
    if (staged?.accessKeyId === identity.accessKeyId) {
      await saveIdentityKey(services.secrets, identity, staged.secretAccessKey);
      await dropStagedKey(services.secrets, name);
    }
    const outcome = await retire(step, current, replaced.accessKeyId);
    await finish(step, undefined);
    return { identity: name, newAccessKeyId: identity.accessKeyId, oldAccessKeyId: replaced.accessKeyId, oldKey: outcome, notes: step.notes };
  }
  if (staged && inventory.others.some((k) => k.kind === 'staged')) {
    step.notes.push(`finishing the last rotation: its new key ${staged.accessKeyId} is stored, not yet in use`);
    return switchAndRetire(step, current, staged);
  }
  if (staged) await dropStagedKey(services.secrets, name);
  for (const leftover of inventory.others.filter((k) => k.kind === 'orphan' || k.kind === 'retired')) {
    await iam(step, current, 'DeleteAccessKey', `rotation did not start: ${stillWorks}`, (c) =>
      services.tools.iam.deleteAccessKey({ ...c, accessKeyId: leftover.accessKeyId }),
    );
    step.notes.push(
      leftover.kind === 'orphan'
        ? `deleted ${leftover.accessKeyId}, which an interrupted rotation created and whose secret was never stored`
        : `deleted ${leftover.accessKeyId}, which the last rotation had deactivated`,
    );
  }
  const unknown = inventory.others.filter((k) => k.kind === 'unknown');
  if (unknown.length > 0) {
    const list = unknown.map((k) => `${k.accessKeyId} (${k.status})`).join(', ');
    throw new StsTrayError(
      'conflict',
      `IAM allows two access keys per user and this user already has two: ${old} (held by sts-tray) and ${list}, which sts-tray does not hold. Delete the one you do not use (aws iam delete-access-key --access-key-id ${unknown[0]?.accessKeyId ?? ''}) and rotate again; nothing was changed`,
    );
  }

  await services.configStore.update((config) => withIdentity(config, name, (i) => ({
    ...i,
    rotation: { startedAt: new Date(services.clock.now()).toISOString(), replacing: identity.accessKeyId },
  })));
  let created;
  try {
    created = await iam(step, current, 'CreateAccessKey', `rotation stopped before a new key was made: ${stillWorks}`, (c) =>
      services.tools.iam.createAccessKey(c),
    );
  } catch (error) {
    if (error instanceof StsTrayError && error.code === 'network') {
      // The reply may be lost after IAM made the key: keep the rotation noted so the next run finds that key.
      throw new StsTrayError(
        'network',
        `the connection failed during CreateAccessKey, so IAM may have made a new key whose secret never arrived; ${stillWorks}. Run sts-tray identity rotate ${name} again when the network is back: it deletes such a key first`,
        { cause: error },
      );
    }
    await finish(step, undefined);
    throw error;
  }
  const fresh: Credentials = { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey };
  try {
    await saveStagedKey(services.secrets, name, fresh);
  } catch (error) {
    const undo = await attempt(() => services.tools.iam.deleteAccessKey({ credentials: step.iamCredentials ?? current, region: identity.region, accessKeyId: fresh.accessKeyId }));
    if (undo === null) await finish(step, undefined);
    throw new StsTrayError(
      errorCode(error),
      undo === null
        ? `the keychain did not take the new key (${describeError(error)}), so it was deleted in IAM again; ${stillWorks}`
        : `the keychain did not take the new key (${describeError(error)}) and deleting it in IAM failed too (${undo}): IAM now has a key ${fresh.accessKeyId} nobody holds. ${stillWorks}; run sts-tray identity rotate ${name} again to delete it`,
      { cause: error },
    );
  }
  return switchAndRetire(step, current, fresh);
}

/** Verifies the stored new key, switches config and keychain to it, then retires the old key. */
async function switchAndRetire(step: Step, current: Credentials, fresh: Credentials): Promise<RotationReport> {
  const { services, identity } = step;
  await verify(step, fresh);
  // Config first: until the key's own item is rewritten, the staged item answers for the new ID.
  await services.configStore.update((config) => withIdentity(config, identity.name, (i) => ({
    ...i,
    accessKeyId: fresh.accessKeyId,
    keyStoredAt: new Date(services.clock.now()).toISOString(),
    rotation: { startedAt: i.rotation?.startedAt ?? new Date(services.clock.now()).toISOString(), replacing: identity.accessKeyId },
  })));
  const switched: Identity = { ...identity, accessKeyId: fresh.accessKeyId };
  await saveIdentityKey(services.secrets, switched, fresh.secretAccessKey);
  await dropStagedKey(services.secrets, identity.name);
  const outcome = await retire({ ...step, identity: switched }, fresh, identity.accessKeyId);
  await finish(step, outcome === 'deactivated' ? identity.accessKeyId : undefined);
  return { identity: identity.name, newAccessKeyId: fresh.accessKeyId, oldAccessKeyId: identity.accessKeyId, oldKey: outcome, notes: step.notes };
}

async function verify(step: Step, fresh: Credentials): Promise<void> {
  const { services, identity } = step;
  const within = step.verifyWithinMs;
  const deadline = services.clock.now() + within;
  for (let wait = 500; ; wait = Math.min(wait * 2, 4000)) {
    try {
      await services.sts.getCallerIdentity({ credentials: fresh, region: identity.region });
      return;
    } catch (error) {
      if (services.clock.now() + wait > deadline) {
        throw new StsTrayError(
          errorCode(error),
          `IAM made the new key ${fresh.accessKeyId} and it is stored, but STS did not accept it within ${within / 1000} s (${describeError(error)}). Your key ${identity.accessKeyId} still works and is still the one in use; IAM holds both. Run sts-tray identity rotate ${identity.name} again to verify and switch`,
          { cause: error },
        );
      }
    }
    await services.tools.wait(wait);
  }
}

/** Deletes or deactivates the old key (preference keys.oldKey); failures say what IAM still holds. */
async function retire(step: Step, signer: Credentials, oldKeyId: string): Promise<RotationReport['oldKey']> {
  const { services, identity, oldKey } = step;
  const why = `the new key ${identity.accessKeyId} works and is in use, but IAM still has the old key ${oldKeyId} active`;
  try {
    if (oldKey === 'deactivate') {
      await iam(step, signer, 'UpdateAccessKey', why, (c) => services.tools.iam.updateAccessKey({ ...c, accessKeyId: oldKeyId, status: 'Inactive' }));
      return 'deactivated';
    }
    await iam(step, signer, 'DeleteAccessKey', why, (c) => services.tools.iam.deleteAccessKey({ ...c, accessKeyId: oldKeyId }));
    return 'deleted';
  } catch (error) {
    if (error instanceof StsTrayError && error.code === 'not-found') {
      step.notes.push(`the old key ${oldKeyId} was already gone from IAM`);
      return 'already gone';
    }
    if (error instanceof StsTrayError) {
      throw new StsTrayError(error.code, `${error.message}. Run sts-tray identity rotate ${identity.name} again to retire it, or: aws iam delete-access-key --access-key-id ${oldKeyId}`, { cause: error });
    }
    throw error;
  }
}

/** Clears the rotation note; keeps the deactivated key's ID so the next rotation deletes it. */
async function finish(step: Step, retired: string | undefined): Promise<void> {
  await step.services.configStore.update((config) => withIdentity(config, step.identity.name, (i) => ({ ...i, rotation: undefined, retiredAccessKeyId: retired })));
}

/** One IAM call with the step's credentials (the MFA session, else `signer`), its failure prefixed by where rotation stands. */
async function iam<T>(
  step: Step,
  signer: Credentials,
  action: string,
  state: string,
  call: (c: { readonly credentials: Credentials; readonly region: string }) => Promise<T>,
): Promise<T> {
  try {
    return await call({ credentials: step.iamCredentials ?? signer, region: step.identity.region });
  } catch (error) {
    if (!(error instanceof StsTrayError)) throw error;
    const mfaHint = !step.iamCredentials && error.code === 'access-denied' && !step.identity.mfaSerial
      ? ' (if your policies require MFA for key changes, add the MFA device to the identity)'
      : '';
    throw new StsTrayError(error.code, `${action} failed: ${error.message}${mfaHint}. ${capitalised(state)}`, { cause: error });
  }
}

async function attempt(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (error) {
    return describeError(error);
  }
}

function withIdentity<C extends { readonly identities: readonly Identity[] }>(config: C, name: string, change: (i: Identity) => Identity): C {
  return { ...config, identities: config.identities.map((i) => (i.name === name ? change(i) : i)) };
}

function errorCode(error: unknown): ErrorCode {
  return error instanceof StsTrayError ? error.code : 'keychain-unavailable';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
