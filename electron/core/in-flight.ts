// One call in flight per key, shared by everyone who asks meanwhile: a thousand roles that
// need the same MFA session make one GetSessionToken, and roles that find it ended make one
// keychain deletion. The entry goes when the call settles, so a later ask starts afresh.

export class InFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  /** The call in flight for `key`, or a new one from `start`. */
  run(key: string, start: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const promise = start().finally(() => {
      if (this.running.get(key) === promise) this.running.delete(key);
    });
    this.running.set(key, promise);
    return promise;
  }

  /** The call in flight for `key`, if any. */
  get(key: string): Promise<T> | undefined {
    return this.running.get(key);
  }
}
