// The SecretStore port on the OS keychain, through keytar: macOS Keychain, Windows
// Credential Manager, or the Secret Service (GNOME Keyring, KWallet) over D-Bus on Linux.
// Every failure becomes a `keychain-unavailable` error that says what to do; there is no
// fallback to a file. keytar is a native module loaded on first use, so commands that never
// touch the keychain start without it (and without libsecret).

import { StsTrayError } from '../core/errors.js';
import type { SecretStore } from '../core/ports.js';

/** The keychain service name of the real app. Tests use their own. */
export const KEYCHAIN_SERVICE = 'sts-tray';

/** Windows Credential Manager's limit for one item (CRED_MAX_CREDENTIAL_BLOB_SIZE). */
export const WINDOWS_CREDENTIAL_BLOB_LIMIT = 2560;

/** The part of keytar used here. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarSecretStoreOptions {
  /** Loads keytar; tests pass a stand-in. */
  readonly loadKeytar?: () => Promise<KeytarApi>;
  /** Defaults to `process.platform`. */
  readonly platform?: NodeJS.Platform;
}

async function importKeytar(): Promise<KeytarApi> {
  const loaded: KeytarApi | { default: KeytarApi } = await import('keytar');
  // keytar is CommonJS: seen from ESM its functions sit on `default`.
  return 'default' in loaded ? loaded.default : loaded;
}

/**
 * On Linux a locked keyring whose unlock prompt fails or is cancelled does not report an
 * error on reads: the item just looks absent, and listing crashes keytar (it reads the
 * secret of a still-locked item). Writing is the one call that says "locked", so a short-lived
 * item under this name is written and removed to tell "absent" from "locked".
 */
const UNLOCK_CHECK_ACCOUNT = '~sts-tray-unlock-check';

type Action = 'read' | 'save' | 'delete' | 'list';


/** Listings taken before giving up on items vanishing under them. */
const LIST_ATTEMPTS = 5;

export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #loadKeytar: () => Promise<KeytarApi>;
  readonly #platform: NodeJS.Platform;
  #keytar: Promise<KeytarApi> | undefined;

  constructor(service: string, options: KeytarSecretStoreOptions = {}) {
    if (service === '') throw new RangeError('the keychain service name must not be empty');
    this.#service = service;
    this.#loadKeytar = options.loadKeytar ?? importKeytar;
    this.#platform = options.platform ?? process.platform;
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    const keytar = await this.#keytarModule();
    const value = await this.#call('read', account, () => keytar.getPassword(this.#service, account));
    if (value === null) await this.#checkUnlocked(keytar, 'read', account);
    return value;
  }

  async set(account: string, value: string): Promise<void> {
    checkAccount(account);
    if (value === '' || value.includes('\0')) {
      throw new StsTrayError(
        'validation',
        `The keychain cannot store the value for "${account}": it is empty or contains a NUL character.`,
      );
    }
    if (this.#platform === 'win32') {
      const bytes = Buffer.byteLength(value, 'utf8');
      if (bytes > WINDOWS_CREDENTIAL_BLOB_LIMIT) {
        throw new StsTrayError(
          'keychain-unavailable',
          `The value for keychain item "${account}" is too large for Windows Credential Manager ` +
            `(${bytes} bytes; it holds at most ${WINDOWS_CREDENTIAL_BLOB_LIMIT}). Nothing was saved.`,
        );
      }
    }
    const keytar = await this.#keytarModule();
    await this.#call('save', account, () => keytar.setPassword(this.#service, account, value), value);
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    const keytar = await this.#keytarModule();
    const deleted = await this.#call('delete', account, () => keytar.deletePassword(this.#service, account));
    if (!deleted) await this.#checkUnlocked(keytar, 'delete', account);
    return deleted;
  }

  async list(): Promise<string[]> {
    const keytar = await this.#keytarModule();
    await this.#checkUnlocked(keytar, 'list', undefined);
    const found = await this.#call('list', undefined, () => this.#findCredentials(keytar));
    // On Windows keytar matches services by prefix ("sts-tray*"), so names of a service like
    // "sts-tray-test-…" may appear too; callers only ever delete under our own service.
    const accounts = new Set(found.map((item) => item.account));
    accounts.delete(UNLOCK_CHECK_ACCOUNT);
    return [...accounts];
  }

  /**
   * libsecret reads each item it found while listing; one deleted meanwhile (another
   * renewal forgetting an ended session, another process) fails the whole listing with
   * "No such secret item". The listing is simply taken again.
   */
  async #findCredentials(keytar: KeytarApi): Promise<Array<{ account: string; password: string }>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await keytar.findCredentials(this.#service);
      } catch (error) {
        const vanished = error instanceof Error && /no such secret item/i.test(error.message);
        if (!vanished || attempt >= LIST_ATTEMPTS) throw error;
      }
    }
  }

  /** Loads keytar once; a failed load is tried again on the next call. */
  #keytarModule(): Promise<KeytarApi> {
    this.#keytar ??= this.#loadKeytar().catch((error: unknown) => {
      this.#keytar = undefined;
      throw loadFailure(error);
    });
    return this.#keytar;
  }

  async #call<T>(action: Action, account: string | undefined, run: () => Promise<T>, value?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw keychainFailure(error, action, account, value);
    }
  }

  async #checkUnlocked(keytar: KeytarApi, action: Action, account: string | undefined): Promise<void> {
    if (this.#platform !== 'linux') return;
    await this.#call(action, account, async () => {
      await keytar.setPassword(this.#service, UNLOCK_CHECK_ACCOUNT, 'unlocked');
      await keytar.deletePassword(this.#service, UNLOCK_CHECK_ACCOUNT);
    });
  }
}

function checkAccount(account: string): void {
  if (account === '' || account.includes('\0')) {
    throw new StsTrayError('validation', 'The keychain account name must be non-empty and without NUL characters.');
  }
}

/** First line of what went wrong, without the value should a message ever echo it. */
function reasonOf(error: unknown, value?: string): string {
  const text = error instanceof Error ? error.message : String(error);
  let line = (text.split('\n')[0] ?? '').trim().slice(0, 300);
  if (value !== undefined && value.length > 0) line = line.split(value).join('[hidden]');
  return line;
}

function loadFailure(error: unknown): StsTrayError {
  const reason = reasonOf(error);
  const message = /libsecret/i.test(reason)
    ? `The keychain cannot be used: keytar could not load libsecret (${reason}). ` +
      'Install it (Debian/Ubuntu: sudo apt install libsecret-1-0; Fedora: sudo dnf install libsecret) and try again.'
    : `The keychain cannot be used: its native module keytar did not load (${reason}). Reinstall sts-tray.`;
  return new StsTrayError('keychain-unavailable', message);
}

const NO_SESSION_BUS =
  /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|Address element|Failed to connect to socket|unsupported transport|dbus-launch/i;
const NO_SECRET_SERVICE = /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i;
const LOCKED =
  /locked|cancel|dismissed|prompt|interaction is not allowed|passphrase you entered is not correct|No such secret collection/i;

function keychainFailure(error: unknown, action: Action, account: string | undefined, value?: string): StsTrayError {
  const reason = reasonOf(error, value);
  const what = `${action} ${account === undefined ? 'its keychain items' : `the keychain item "${account}"`}`;
  let message: string;
  if (NO_SESSION_BUS.test(reason)) {
    message =
      `sts-tray could not ${what}: there is no D-Bus session to reach the keychain (${reason}). ` +
      'Run it inside your desktop session, or start a session bus with a keyring (dbus-run-session, gnome-keyring-daemon).';
  } else if (NO_SECRET_SERVICE.test(reason)) {
    message =
      `sts-tray could not ${what}: no keychain service (GNOME Keyring, KWallet) is running (${reason}). ` +
      'Install and start one (Debian/Ubuntu: sudo apt install gnome-keyring) or log in to a desktop session that has one.';
  } else if (LOCKED.test(reason)) {
    message =
      `sts-tray could not ${what}: the keychain is locked, or unlocking it was cancelled (${reason}). ` +
      'Unlock your login keychain and try again.';
  } else {
    message =
      `sts-tray could not ${what}: the keychain refused (${reason}). ` +
      'Check that your keychain works and is unlocked, then try again.';
  }
  return new StsTrayError('keychain-unavailable', message);
}
