// The keytar adapter against a real keychain. On Linux that is the private gnome-keyring
// which e2e/rig/with-test-keyring.sh starts around the test run (npm test does this), so
// nothing here can touch or prompt for the developer's own keyring. Items go under a
// throw-away service `sts-tray-test-…`, never the app's `sts-tray`, and are deleted after.

import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { ChunkedSecretStore, DEFAULT_MAX_ITEM_BYTES, utf8ByteLength } from '../../electron/core/chunked-secrets.js';
import { errorOf } from '../../electron/core/testing/error-of.js';

const SERVICE = `sts-tray-test-${randomUUID().slice(0, 8)}`;
const ON_LINUX = process.platform === 'linux';
const HAS_TEST_KEYRING = !ON_LINUX || process.env.STS_TRAY_TEST_KEYRING === 'private';

const CHILD = fileURLToPath(new URL('./secret-store-child.ts', import.meta.url));
const WITH_TEST_KEYRING = fileURLToPath(new URL('../rig/with-test-keyring.sh', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

// Made at run time, so the only copies are the ones the code under test writes: a literal
// would also sit in vitest's transform cache under /tmp and trip the "written nowhere" scan.
const ACCESS_KEY_SECRET = `fake-secret-${randomBytes(12).toString('base64url')}/EXAMPLEKEY`;

const keychain = new KeytarSecretStore(SERVICE);

interface ChildResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** The adapter in another process: `secret-store-child.ts SERVICE operation [account]`. */
function runChild(operation: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string } = {}) {
  return runProcess(process.execPath, ['--import', TSX_LOADER, CHILD, SERVICE, ...operation], options);
}


/** Files under `root` (recursively) changed since `since`, skipping what cannot be read. */
async function filesChangedSince(root: string, since: number): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) found.push(...(await filesChangedSince(path, since)));
    else if (entry.isFile()) {
      const info = await stat(path).catch(() => undefined);
      // A key is small; big files (caches, browsers' data) are not where it would go.
      if (info && info.mtimeMs >= since && info.size < 4_000_000) found.push(path);
    }
  }
  return found;
}

async function filesContaining(paths: readonly string[], needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const path of paths) {
    const text = await readFile(path, 'latin1').catch(() => '');
    if (text.includes(needle)) hits.push(path);
  }
  return hits;
}

beforeAll(() => {
  expect(SERVICE).not.toBe(KEYCHAIN_SERVICE);
  if (!HAS_TEST_KEYRING) {
    throw new Error(
      'These keychain tests need the private test keyring, or they would use your own: run them through ' +
        '`npm test`, or `bash e2e/rig/with-test-keyring.sh npx vitest run e2e/keychain`.',
    );
  }
});

afterAll(async () => {
  if (!HAS_TEST_KEYRING) return;
  for (const account of await keychain.list()) await keychain.delete(account);
  expect(await keychain.list()).toEqual([]);
});

describe('KeytarSecretStore on the real keychain', () => {
  it('stores, reads, lists, replaces and deletes an item', async () => {
    const account = 'identity:tes';
    expect(await keychain.get(account)).toBeNull();

    await keychain.set(account, ACCESS_KEY_SECRET);
    expect(await keychain.get(account)).toBe(ACCESS_KEY_SECRET);
    expect(await keychain.list()).toContain(account);

    await keychain.set(account, `${ACCESS_KEY_SECRET}-rotated`);
    expect(await keychain.get(account)).toBe(`${ACCESS_KEY_SECRET}-rotated`);
    expect((await keychain.list()).filter((name) => name === account)).toHaveLength(1);

    expect(await keychain.delete(account)).toBe(true);
    expect(await keychain.get(account)).toBeNull();
    expect(await keychain.delete(account)).toBe(false);
    expect(await keychain.list()).not.toContain(account);
  });

  it('shows an item saved by one process to another (the CLI and the tray share keys)', async () => {
    const saved = await runChild(['set', 'identity:stg'], { stdin: ACCESS_KEY_SECRET });
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(await keychain.get('identity:stg')).toBe(ACCESS_KEY_SECRET);

    await keychain.set('identity:stg', `${ACCESS_KEY_SECRET}-2`);
    const read = await runChild(['get', 'identity:stg']);
    expect(JSON.parse(read.stdout)).toEqual({ ok: true, result: `${ACCESS_KEY_SECRET}-2` });
    await keychain.delete('identity:stg');
  });

  it.each([
    ['Japanese', 'identity:本番', 'シークレット-fake-secret-本番環境'],
    ['emoji and a flag', 'identity:🔑', 'fake-secret-🔑🇯🇵-end'],
    ['combining marks next to their precomposed twins', 'identity:e\u0301', 'fake-secret-é-e\u0301'],
    ['right-to-left text and spaces', 'identity:rtl', 'fake secret سرّ 秘密'],
  ])('keeps %s exactly, in the value and in the account name', async (_name, account, value) => {
    await keychain.set(account, value);
    expect(await keychain.get(account)).toBe(value);
    expect(await keychain.list()).toContain(account);
    expect(await keychain.delete(account)).toBe(true);
  });
});

describe('ChunkedSecretStore over the real keychain', () => {
  const chunked = new ChunkedSecretStore(keychain);
  const token = `IQoJb3JpZ2luX2VjEFAKE${'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/'.repeat(128)}`.slice(
    0,
    8192,
  );

  it('carries an 8 KB session token in items of at most 2,000 bytes, and removes them all on delete', async () => {
    const account = 'mfa-session:tes';
    await chunked.set(account, token);
    expect(await chunked.get(account)).toBe(token);

    const items = (await keychain.list()).filter((name) => name.startsWith(account));
    expect(items.sort()).toEqual([account, `${account}#1`, `${account}#2`, `${account}#3`, `${account}#4`]);
    for (const item of items) {
      expect(utf8ByteLength((await keychain.get(item)) ?? '')).toBeLessThanOrEqual(DEFAULT_MAX_ITEM_BYTES);
    }
    expect(await chunked.list()).toContain(account);

    await chunked.set(account, token.slice(0, 2500));
    expect((await keychain.list()).filter((name) => name.startsWith(account)).sort()).toEqual([account, `${account}#1`]);
    expect(await chunked.get(account)).toBe(token.slice(0, 2500));

    expect(await chunked.delete(account)).toBe(true);
    expect((await keychain.list()).filter((name) => name.startsWith(account))).toEqual([]);
  });

  it('notices a part deleted outside the app and asks to enter the value again', async () => {
    const account = 'mfa-session:stg';
    await chunked.set(account, token);
    await keychain.delete(`${account}#2`);
    const error = await errorOf(chunked.get(account));
    expect(error.code).toBe('keychain-item-changed');
    expect(error.message).toMatch(/again/);
    expect(error.message).not.toContain(token.slice(30, 60));
    await chunked.delete(account);
  });

  it('keeps 8 KB of multi-byte text intact across part boundaries', async () => {
    const value = '本番🔑é'.repeat(820);
    await chunked.set('identity:unicode', value);
    expect(await chunked.get('identity:unicode')).toBe(value);
    await chunked.delete('identity:unicode');
  });
});

describe.runIf(ON_LINUX)('when the keychain cannot be used (Linux)', () => {
  it('fails with keychain-unavailable when D-Bus is not there, and writes the value nowhere', async () => {
    const started = Date.now() - 1000;
    const sandbox = await mkdtemp(join(tmpdir(), 'sts-tray-no-dbus-'));
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
      for (const [name, folder] of Object.entries({
        HOME: 'home',
        TMPDIR: 'tmp',
        XDG_DATA_HOME: 'data',
        XDG_CONFIG_HOME: 'config',
        XDG_CACHE_HOME: 'cache',
        XDG_STATE_HOME: 'state',
        XDG_RUNTIME_DIR: 'run',
      })) {
        env[name] = join(sandbox, folder);
        await mkdir(join(sandbox, folder), { mode: 0o700 });
      }
      env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(sandbox, 'no-such-bus')}`;
      await mkdir(join(sandbox, 'cwd'));

      const outcomes = [
        await runChild(['set', 'identity:prd'], { env, cwd: join(sandbox, 'cwd'), stdin: ACCESS_KEY_SECRET }),
        await runChild(['get', 'identity:prd'], { env, cwd: join(sandbox, 'cwd') }),
        await runChild(['list'], { env, cwd: join(sandbox, 'cwd') }),
      ];
      for (const outcome of outcomes) {
        expect(outcome.exitCode, outcome.stderr).toBe(1);
        expect(JSON.parse(outcome.stdout)).toEqual({ ok: false, code: 'keychain-unavailable' });
        expect(outcome.stderr).toMatch(/^sts-tray: sts-tray could not \w+ .*no D-Bus session to reach the keychain/);
        expect(outcome.stderr.trim().split('\n')).toHaveLength(1); // one line, no stack trace
        expect(outcome.stderr + outcome.stdout).not.toContain(ACCESS_KEY_SECRET);
      }

      // No plaintext fallback: the value is in no file the child could have written.
      const written = [
        ...(await filesChangedSince(sandbox, started)),
        ...(await filesChangedSince(tmpdir(), started)),
      ];
      expect(await filesContaining(written, ACCESS_KEY_SECRET)).toEqual([]);
      // …and it did not reach the keyring some other way.
      expect(await keychain.get('identity:prd')).toBeNull();
    } finally {
      await rm(sandbox, { recursive: true, force: true });
    }
  });

  it('reports a locked keyring as locked on every call instead of "no such item" or a crash', async () => {
    // Its own private keyring (a nested run of the rig), locked after one item is saved;
    // with no unlock prompt available this is what cancelling the prompt looks like.
    const script = `
      run() { "$NODE_BIN" --import "$TSX_LOADER" "$CHILD" "$SERVICE" "$@"; echo "exit=$?"; }
      printf %s "$FAKE_VALUE" | run set identity:tes
      dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \\
        org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
      run get identity:tes </dev/null
      run list </dev/null
      printf %s "$FAKE_VALUE" | run set identity:stg
      run delete identity:tes </dev/null
    `;
    const outcome = await runProcess('bash', [WITH_TEST_KEYRING, 'bash', '-c', script], {
      env: {
        ...process.env,
        NODE_BIN: process.execPath,
        TSX_LOADER,
        CHILD,
        SERVICE,
        FAKE_VALUE: ACCESS_KEY_SECRET,
      },
    });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines).toEqual([
      '{"ok":true,"result":null}',
      'exit=0',
      ...Array.from({ length: 4 }, () => ['{"ok":false,"code":"keychain-unavailable"}', 'exit=1']).flat(),
    ]);
    const messages = outcome.stderr.trim().split('\n');
    expect(messages).toHaveLength(4);
    for (const message of messages) {
      expect(message).toMatch(/the keychain is locked, or unlocking it was cancelled.*Unlock your login keychain/);
      expect(message).not.toContain(ACCESS_KEY_SECRET);
    }
  });
});
