// Knowing when the app has gone quiet. Virtual time runs every due timer at once, but what a
// timer starts (a renewal's STS call, a view read from the files and the keychain) still
// takes real I/O time. The harness hands the core its ports wrapped so every call is counted
// while it runs; "settled" then means no call in flight and nothing left to start.

import type { FileStore, SecretStore, SsoService, StsBroker } from '../../../electron/core/ports.js';

export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.pending.size;
  }

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const done = () => this.pending.delete(promise);
    promise.then(done, done);
    return promise;
  }

  /** Waits for what is in flight now; false when nothing was. */
  async drain(): Promise<boolean> {
    if (this.pending.size === 0) return false;
    await Promise.allSettled([...this.pending]);
    return true;
  }

  files(inner: FileStore): FileStore {
    return {
      read: (path) => this.track(inner.read(path)),
      replace: (path, bytes, expected) => this.track(inner.replace(path, bytes, expected)),
    };
  }

  secrets(inner: SecretStore): SecretStore {
    return {
      get: (account) => this.track(inner.get(account)),
      set: (account, value) => this.track(inner.set(account, value)),
      delete: (account) => this.track(inner.delete(account)),
      list: () => this.track(inner.list()),
    };
  }

  sso(inner: SsoService): SsoService {
    return {
      registerClient: (input) => this.track(inner.registerClient(input)),
      startDeviceAuthorization: (input) => this.track(inner.startDeviceAuthorization(input)),
      pollDeviceToken: (input) => this.track(inner.pollDeviceToken(input)),
      refreshToken: (input) => this.track(inner.refreshToken(input)),
      listAccounts: (input) => this.track(inner.listAccounts(input)),
      listAccountRoles: (input) => this.track(inner.listAccountRoles(input)),
      getRoleCredentials: (input) => this.track(inner.getRoleCredentials(input)),
      logout: (input) => this.track(inner.logout(input)),
    };
  }

  sts(inner: StsBroker): StsBroker {
    return {
      getSessionToken: (input) => this.track(inner.getSessionToken(input)),
      assumeRole: (input) => this.track(inner.assumeRole(input)),
      getCallerIdentity: (input) => this.track(inner.getCallerIdentity(input)),
    };
  }
}
