// An identity's access keys as IAM lists them, sorted into what sts-tray knows of each: the
// key it holds, and every other one — the new key of a rotation not yet switched to (staged),
// a key an interrupted rotation made but whose secret was lost (orphan), the key a rotation
// replaced and has not retired yet, the key the last rotation deactivated, or one it never knew.

import type { Identity } from './model.js';
import type { AccessKeyMetadata } from './ports.js';

export type OtherKeyKind = 'staged' | 'orphan' | 'replaced' | 'retired' | 'unknown';

export interface OtherKey extends AccessKeyMetadata {
  readonly kind: OtherKeyKind;
  /** What it is and what to do about it, for a person. */
  readonly advice: string;
}

export interface KeyInventory {
  /** The key sts-tray holds, as IAM lists it (undefined: IAM does not list it). */
  readonly current: AccessKeyMetadata | undefined;
  readonly others: readonly OtherKey[];
}

/** IAM states CreateDate to the second; a key made in the second a rotation started counts as its own. */
const CREATE_DATE_SLACK_MS = 1000;

export function takeInventory(identity: Identity, keys: readonly AccessKeyMetadata[], stagedKeyId: string | null): KeyInventory {
  const rotate = `sts-tray identity rotate ${identity.name}`;
  const startedAt = identity.rotation ? Date.parse(identity.rotation.startedAt) - CREATE_DATE_SLACK_MS : Number.POSITIVE_INFINITY;
  const others = keys
    .filter((key) => key.accessKeyId !== identity.accessKeyId)
    .map((key): OtherKey => {
      const id = key.accessKeyId;
      if (id === stagedKeyId) {
        return { ...key, kind: 'staged', advice: `a rotation stored this new key but did not switch to it yet: run ${rotate} to finish` };
      }
      if (id === identity.rotation?.replacing) {
        return { ...key, kind: 'replaced', advice: `the key the last rotation replaced, still ${key.status} in IAM: run ${rotate} to retire it` };
      }
      if (key.createdAt >= startedAt) {
        return {
          ...key,
          kind: 'orphan',
          advice: `an interrupted rotation created this key and its secret was never stored, so nothing can use it: run ${rotate} (it deletes this key first) or aws iam delete-access-key --access-key-id ${id}; the current key keeps working`,
        };
      }
      if (id === identity.retiredAccessKeyId) {
        return { ...key, kind: 'retired', advice: 'deactivated by the last rotation; the next rotation deletes it' };
      }
      return { ...key, kind: 'unknown', advice: 'not held by sts-tray (used by something else?)' };
    });
  return { current: keys.find((key) => key.accessKeyId === identity.accessKeyId), others };
}
