// In-memory stand-in for the OS keychain (the SecretStore port), for tests of its callers.
// It keeps the real keychains' rules that callers could trip over: no empty value, an
// optional size limit per item (Windows Credential Manager: 2,560 bytes), and a switch that
// makes every call fail the way an unavailable keychain does.

import { StsTrayError } from '../errors.js';
import type { SecretStore } from '../ports.js';

export interface MemorySecretStoreOptions {
  /** Items already in the keychain. */
  readonly entries?: Iterable<readonly [string, string]>;
  /** Largest value in UTF-8 bytes one item may hold; larger writes fail. */
  readonly maxValueBytes?: number;
  /** Start unavailable (see `unavailable`). */
  readonly unavailable?: boolean;
}

export class MemorySecretStore implements SecretStore {
  /** While true every call fails with `keychain-unavailable`, as with no Secret Service. */
  unavailable: boolean;
  readonly #items = new Map<string, string>();
  readonly #maxValueBytes: number;

  constructor(options: MemorySecretStoreOptions = {}) {
    for (const [account, value] of options.entries ?? []) this.#items.set(account, value);
    this.#maxValueBytes = options.maxValueBytes ?? Number.POSITIVE_INFINITY;
    this.unavailable = options.unavailable ?? false;
  }

  async get(account: string): Promise<string | null> {
    this.#checkAvailable();
    return this.#items.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.#checkAvailable();
    if (account === '' || value === '') {
      throw new StsTrayError('validation', 'The keychain cannot store an empty account name or value.');
    }
    const bytes = new TextEncoder().encode(value).length;
    if (bytes > this.#maxValueBytes) {
      throw new StsTrayError(
        'keychain-unavailable',
        `The keychain item "${account}" is too large (${bytes} bytes; this keychain holds at most ${this.#maxValueBytes}).`,
      );
    }
    this.#items.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    this.#checkAvailable();
    return this.#items.delete(account);
  }

  async list(): Promise<string[]> {
    this.#checkAvailable();
    return [...this.#items.keys()];
  }

  #checkAvailable(): void {
    if (this.unavailable) {
      throw new StsTrayError(
        'keychain-unavailable',
        'The keychain is not available (no Secret Service is running). Start your keychain and try again.',
      );
    }
  }
}
