// An in-memory IAM for unit tests of key facts and rotation: one user's keys with the
// two-key quota and NoSuchEntity, scripted failures per action, and a lost reply (the key is
// made, the caller hears a network failure) for CreateAccessKey.

import { StsTrayError, type ErrorCode } from '../errors.js';
import type { AccessKeyMetadata, AccessKeyStatus, Clock, IamCallInput, IamKeys, NewAccessKey } from '../ports.js';

type IamAction = 'ListAccessKeys' | 'CreateAccessKey' | 'UpdateAccessKey' | 'DeleteAccessKey';

interface FakeKey extends AccessKeyMetadata {
  status: AccessKeyStatus;
  readonly secretAccessKey: string;
}

export class FakeIamKeys implements IamKeys {
  readonly calls: Array<{ readonly action: IamAction; readonly callerKeyId: string; readonly accessKeyId?: string }> = [];
  private readonly keys = new Map<string, FakeKey>();
  private readonly failures: Array<{ readonly action: IamAction; readonly code: ErrorCode | 'lost-reply' }> = [];
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  /** A key IAM already has (the identity's current one, or another). */
  addKey(accessKeyId: string, createdAt: number, secretAccessKey = `fake-secret-${accessKeyId}`, status: AccessKeyStatus = 'Active'): void {
    this.keys.set(accessKeyId, { accessKeyId, createdAt, secretAccessKey, status });
  }

  /** The next call of `action` fails with `code`; 'lost-reply' makes CreateAccessKey's key and then fails as the network. */
  failNext(action: IamAction, code: ErrorCode | 'lost-reply'): void {
    this.failures.push({ action, code });
  }

  secretOf(accessKeyId: string): string | undefined {
    return this.keys.get(accessKeyId)?.secretAccessKey;
  }

  list(): AccessKeyMetadata[] {
    return [...this.keys.values()].map(({ accessKeyId, status, createdAt }) => ({ accessKeyId, status, createdAt }));
  }

  async listAccessKeys(input: IamCallInput): Promise<AccessKeyMetadata[]> {
    this.begin('ListAccessKeys', input);
    return Promise.resolve(this.list());
  }

  async createAccessKey(input: IamCallInput): Promise<NewAccessKey> {
    const lost = this.begin('CreateAccessKey', input);
    if (this.keys.size >= 2) throw new StsTrayError('conflict', 'fake IAM: Cannot exceed quota for AccessKeysPerUser: 2');
    this.counter += 1;
    const accessKeyId = `AKIANEWFAKE${String(this.counter).padStart(9, '0')}`;
    const key: FakeKey = { accessKeyId, createdAt: this.clock.now(), secretAccessKey: `fake-new-secret-${accessKeyId}`, status: 'Active' };
    this.keys.set(accessKeyId, key);
    if (lost) throw new StsTrayError('network', 'fake IAM: the reply to CreateAccessKey was lost');
    return Promise.resolve({ ...key });
  }

  async updateAccessKey(input: IamCallInput & { readonly accessKeyId: string; readonly status: AccessKeyStatus }): Promise<void> {
    this.begin('UpdateAccessKey', input, input.accessKeyId);
    this.own(input.accessKeyId).status = input.status;
    return Promise.resolve();
  }

  async deleteAccessKey(input: IamCallInput & { readonly accessKeyId: string }): Promise<void> {
    this.begin('DeleteAccessKey', input, input.accessKeyId);
    this.own(input.accessKeyId);
    this.keys.delete(input.accessKeyId);
    return Promise.resolve();
  }

  /** Records the call and applies a scripted failure; true when the reply is to be lost after the work. */
  private begin(action: IamAction, input: IamCallInput, accessKeyId?: string): boolean {
    this.calls.push({ action, callerKeyId: input.credentials.accessKeyId, ...(accessKeyId ? { accessKeyId } : {}) });
    const index = this.failures.findIndex((f) => f.action === action);
    if (index < 0) return false;
    const [failure] = this.failures.splice(index, 1);
    if (failure?.code === 'lost-reply') return true;
    if (failure) throw new StsTrayError(failure.code, `fake IAM ${action} failure: ${failure.code}`);
    return false;
  }

  private own(accessKeyId: string): FakeKey {
    const key = this.keys.get(accessKeyId);
    if (!key) throw new StsTrayError('not-found', `fake IAM: The Access Key with id ${accessKeyId} cannot be found.`);
    return key;
  }
}
