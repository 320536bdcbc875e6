// The adapter's own decisions, with keytar replaced: which message a person gets for each
// failure keytar reports, when keytar is loaded, and how a locked Linux keyring is told apart
// from a missing item. The real keychain is exercised in e2e/keychain.

import { describe, expect, it } from 'vitest';
import { type KeytarApi, KeytarSecretStore, WINDOWS_CREDENTIAL_BLOB_LIMIT } from './keytar-secret-store.js';
import { errorOf } from '../core/testing/error-of.js';

const SERVICE = 'sts-tray-unit';
const SECRET = 'fake-secret-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** keytar over a Map, plus a log of calls and a switch to fail like a given keychain. */
class FakeKeytar implements KeytarApi {
  readonly items = new Map<string, string>();
  readonly calls: string[] = [];
  failure: string | undefined;
  /** Like gnome-keyring when locked and its unlock prompt cannot be shown. */
  locked = false;

  async getPassword(_service: string, account: string): Promise<string | null> {
    this.#enter('get');
    return this.locked ? null : (this.items.get(account) ?? null);
  }
  async setPassword(_service: string, account: string, password: string): Promise<void> {
    this.#enter('set');
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    this.items.set(account, password);
  }
  async deletePassword(_service: string, account: string): Promise<boolean> {
    this.#enter('delete');
    return this.locked ? false : this.items.delete(account);
  }
  async findCredentials(_service: string): Promise<Array<{ account: string; password: string }>> {
    this.#enter('find');
    if (this.locked) throw new Error('keytar would have crashed: findCredentials on a locked keyring');
    return [...this.items].map(([account, password]) => ({ account, password }));
  }
  #enter(call: string): void {
    this.calls.push(call);
    if (this.failure !== undefined) throw new Error(this.failure);
  }
}

function storeOn(keytar: FakeKeytar, platform: NodeJS.Platform = 'linux'): KeytarSecretStore {
  return new KeytarSecretStore(SERVICE, { loadKeytar: async () => keytar, platform });
}


describe('KeytarSecretStore failures', () => {
  // Messages as keytar reports them (Linux ones measured against libsecret here).
  it.each([
    ['no session bus', 'Could not connect: No such file or directory', /no D-Bus session/],
    ['no bus address, no X11', 'Cannot autolaunch D-Bus without X11 $DISPLAY', /no D-Bus session/],
    [
      'no Secret Service on the bus',
      'The name org.freedesktop.secrets was not provided by any .service files',
      /no keychain service .* is running.*apt install gnome-keyring/,
    ],
    ['a locked keyring', 'Cannot create an item in a locked collection', /locked, or unlocking it was cancelled/],
    ['macOS: unlock cancelled', 'User canceled the operation.', /locked, or unlocking it was cancelled/],
    ['macOS: no UI to unlock', 'User interaction is not allowed.', /locked, or unlocking it was cancelled/],
    [
      'Windows: no logon session',
      'A specified logon session does not exist. It may already have been terminated.',
      /the keychain refused \(A specified logon session/,
    ],
  ])('%s: every call gives keychain-unavailable with a message saying what to do', async (_name, raw, expected) => {
    const keytar = new FakeKeytar();
    keytar.failure = raw;
    const store = storeOn(keytar);
    for (const [call, verb] of [
      [store.get('identity-tes'), 'read the keychain item "identity-tes"'],
      [store.set('identity-tes', SECRET), 'save the keychain item "identity-tes"'],
      [store.delete('identity-tes'), 'delete the keychain item "identity-tes"'],
      [store.list(), 'list its keychain items'],
    ] as const) {
      const error = await errorOf(call);
      expect(error.code).toBe('keychain-unavailable');
      expect(error.message).toMatch(expected);
      expect(error.message).toContain(`sts-tray could not ${verb}`);
      expect(error.message).not.toContain('\n');
    }
  });

  it('never puts the value in a message, even when the keychain echoes it', async () => {
    const keytar = new FakeKeytar();
    keytar.failure = `The stub received bad data: ${SECRET}`;
    const error = await errorOf(storeOn(keytar).set('identity-tes', SECRET));
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[hidden]');
  });

  it.each([
    [
      'libsecret missing',
      'libsecret-1.so.0: cannot open shared object file: No such file or directory',
      /could not load libsecret.*apt install libsecret-1-0/,
    ],
    ['a broken build', 'The module was compiled against a different Node.js version', /keytar did not load.*Reinstall/],
  ])('keytar not loading (%s) is keychain-unavailable, and loading is tried again later', async (_n, raw, expected) => {
    const keytar = new FakeKeytar();
    let loads = 0;
    const store = new KeytarSecretStore(SERVICE, {
      loadKeytar: async () => {
        loads += 1;
        if (loads === 1) throw new Error(raw);
        return keytar;
      },
    });
    const error = await errorOf(store.get('identity-tes'));
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(expected);
    await store.set('identity-tes', SECRET);
    expect(await store.get('identity-tes')).toBe(SECRET);
    expect(loads).toBe(2);
  });

  it('loads keytar on first use only, and once', async () => {
    let loads = 0;
    const keytar = new FakeKeytar();
    const store = new KeytarSecretStore(SERVICE, {
      loadKeytar: async () => {
        loads += 1;
        return keytar;
      },
    });
    expect(loads).toBe(0);
    await Promise.all([store.set('a', SECRET), store.get('a'), store.list()]);
    expect(loads).toBe(1);
  });
});

describe('KeytarSecretStore on a locked Linux keyring', () => {
  it('reports locked instead of "no such item" on get, delete and list, and never lists blindly', async () => {
    const keytar = new FakeKeytar();
    keytar.items.set('identity-tes', SECRET);
    keytar.locked = true;
    const store = storeOn(keytar, 'linux');
    for (const call of [store.get('identity-tes'), store.delete('identity-tes'), store.list()]) {
      const error = await errorOf(call);
      expect(error.code).toBe('keychain-unavailable');
      expect(error.message).toMatch(/locked/);
    }
    expect(keytar.calls).not.toContain('find');
  });

  it('gives null for a truly missing item and leaves no trace of the check', async () => {
    const keytar = new FakeKeytar();
    const store = storeOn(keytar, 'linux');
    expect(await store.get('identity-prd')).toBeNull();
    expect(await store.delete('identity-prd')).toBe(false);
    expect(keytar.items.size).toBe(0);
    expect(await store.list()).toEqual([]);
  });

  it('does not write a check item on macOS or Windows, where reads report a locked keychain themselves', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const keytar = new FakeKeytar();
      expect(await storeOn(keytar, platform).get('identity-prd')).toBeNull();
      expect(keytar.calls).toEqual(['get']);
    }
  });

  it('hides a check item left behind by a crash from list', async () => {
    const keytar = new FakeKeytar();
    keytar.items.set('~sts-tray-unlock-check', 'unlocked');
    keytar.items.set('identity-tes', SECRET);
    expect(await storeOn(keytar).list()).toEqual(['identity-tes']);
  });
});

describe('KeytarSecretStore values', () => {
  it(`refuses on Windows a value over ${WINDOWS_CREDENTIAL_BLOB_LIMIT} bytes before writing, and takes one at the limit`, async () => {
    const keytar = new FakeKeytar();
    const store = storeOn(keytar, 'win32');
    const error = await errorOf(store.set('identity-tes', 'あ'.repeat(854))); // 2,562 bytes
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(/too large for Windows Credential Manager \(2562 bytes/);
    expect(keytar.calls).toEqual([]);
    await store.set('identity-tes', 'x'.repeat(WINDOWS_CREDENTIAL_BLOB_LIMIT));
    expect(keytar.items.get('identity-tes')).toHaveLength(WINDOWS_CREDENTIAL_BLOB_LIMIT);
  });

  it.each([
    ['an empty value', 'identity-tes', ''],
    ['a value with NUL (libsecret would cut it there)', 'identity-tes', `${SECRET}\0tail`],
    ['an empty account', '', SECRET],
  ])('refuses %s without calling the keychain', async (_name, account, value) => {
    const keytar = new FakeKeytar();
    const error = await errorOf(storeOn(keytar).set(account, value));
    expect(error.code).toBe('validation');
    expect(error.message).not.toContain(SECRET);
    expect(keytar.calls).toEqual([]);
  });
  it('lists again when an item vanishes while listing (a concurrent delete), and gives up after a few tries', async () => {
    const keytar = new FakeKeytar();
    keytar.items.set('dev', 'value');
    const store = storeOn(keytar);
    const find = keytar.findCredentials.bind(keytar);
    let vanishing = 2;
    keytar.findCredentials = async (service: string) => {
      if (vanishing-- > 0) throw new Error('No such secret item at path: /org/freedesktop/secrets/collection/login/42');
      return find(service);
    };
    expect(await store.list()).toEqual(['dev']);
    vanishing = 100;
    const error = await errorOf(store.list());
    expect(error).toMatchObject({ code: 'keychain-unavailable' });
  });
});
