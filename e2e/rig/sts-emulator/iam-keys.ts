// IAM's long-lived access keys of each user, as the IAM actions see them: at most two per
// user, Active or Inactive, created and deleted on request. IAM is eventually consistent:
// with a propagation delay set, a new key is refused for that long after its creation.

import { randomBytes, randomInt } from 'node:crypto';

import type { EmulatorUser } from './emulator-config.js';
import { StsError } from './sts-error.js';

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  readonly user: EmulatorUser;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  status: AccessKeyStatus;
  readonly createdAtMs: number;
  /** The key signs requests from then on (creation + the propagation delay then set). */
  readonly usableFromMs: number;
}

/** IAM's quota AccessKeysPerUser. */
export const ACCESS_KEYS_PER_USER = 2;

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const noSuchKey = (accessKeyId: string): StsError =>
  new StsError(404, 'NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);

export class IamKeyStore {
  private readonly keys = new Map<string, AccessKeyRecord>();
  /** How long a newly created key stays unknown to the rest of AWS. */
  propagationDelayMs = 0;

  constructor(users: readonly EmulatorUser[], startMs: number) {
    for (const user of users) {
      const created = user.keyCreatedAt === undefined ? startMs : Date.parse(user.keyCreatedAt);
      this.keys.set(user.accessKeyId, {
        user,
        accessKeyId: user.accessKeyId,
        secretAccessKey: user.secretAccessKey,
        status: 'Active',
        createdAtMs: created,
        usableFromMs: 0,
      });
    }
  }

  /** The key when it exists, whatever its state. */
  byId(accessKeyId: string): AccessKeyRecord | undefined {
    return this.keys.get(accessKeyId);
  }

  /** The key when it may sign a request now: it exists, is Active and has propagated. */
  usable(accessKeyId: string, nowMs: number): AccessKeyRecord | undefined {
    const key = this.keys.get(accessKeyId);
    return key && key.status === 'Active' && nowMs >= key.usableFromMs ? key : undefined;
  }

  ofUser(userName: string): AccessKeyRecord[] {
    return [...this.keys.values()].filter((key) => key.user.userName === userName).sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  create(user: EmulatorUser, nowMs: number): AccessKeyRecord {
    if (this.ofUser(user.userName).length >= ACCESS_KEYS_PER_USER) {
      throw new StsError(409, 'LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
    }
    let accessKeyId = 'AKIA';
    for (let i = 0; i < 16; i += 1) accessKeyId += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
    const key: AccessKeyRecord = {
      user,
      accessKeyId,
      secretAccessKey: randomBytes(30).toString('base64'),
      status: 'Active',
      // IAM states CreateDate to the second.
      createdAtMs: Math.floor(nowMs / 1000) * 1000,
      usableFromMs: nowMs + this.propagationDelayMs,
    };
    this.keys.set(accessKeyId, key);
    return key;
  }

  setStatus(user: EmulatorUser, accessKeyId: string, status: AccessKeyStatus): void {
    this.ownKey(user, accessKeyId).status = status;
  }

  delete(user: EmulatorUser, accessKeyId: string): void {
    this.ownKey(user, accessKeyId);
    this.keys.delete(accessKeyId);
  }

  private ownKey(user: EmulatorUser, accessKeyId: string): AccessKeyRecord {
    const key = this.keys.get(accessKeyId);
    if (!key || key.user.userName !== user.userName) throw noSuchKey(accessKeyId);
    return key;
  }
}
