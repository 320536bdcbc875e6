// NodeFileStore against the real file system, in throw-away folders.

import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsProfileStore } from '../core/credentials-file/aws-profile-store.js';
import type { FileSnapshot, FileStore, ReplaceOutcome } from '../core/ports.js';
import { type FileOps, NodeFileStore } from './node-file-store.js';
import { errorOf } from '../core/testing/error-of.js';

const encode = (text: string) => new TextEncoder().encode(text);
const ORIGINAL = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';

let root: string;
let aws: string;
let credentials: string;

beforeEach(async () => {
  root = await fsp.mkdtemp(join(tmpdir(), 'sts-tray-files-'));
  aws = join(root, 'home', '.aws');
  credentials = join(aws, 'credentials');
});

afterEach(async () => {
  spawnSync('chattr', ['-R', '-i', root], { stdio: 'ignore' });
  await fsp.chmod(root, 0o700).catch(() => undefined);
  await fsp.rm(root, { recursive: true, force: true });
});

async function seed(text = ORIGINAL, mode = 0o600): Promise<FileSnapshot> {
  await fsp.mkdir(aws, { recursive: true });
  await fsp.writeFile(credentials, text, { mode });
  await fsp.chmod(credentials, mode);
  return new NodeFileStore().read(credentials);
}

const modeOf = async (path: string) => (await fsp.stat(path)).mode & 0o777;
const leftovers = async () => (await fsp.readdir(aws)).filter((name) => name !== 'credentials').sort();


function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 999_999;
}

describe('read', () => {
  it('gives null for a missing file and a fingerprint that follows the content', async () => {
    const store = new NodeFileStore();
    expect(await store.read(credentials)).toEqual({ bytes: null, fingerprint: 'absent' });
    const first = await seed();
    expect(new TextDecoder().decode(first.bytes ?? new Uint8Array())).toBe(ORIGINAL);
    expect((await store.read(credentials)).fingerprint).toBe(first.fingerprint);
    await fsp.appendFile(credentials, '# more\n');
    expect((await store.read(credentials)).fingerprint).not.toBe(first.fingerprint);
  });
});

describe('replace', () => {
  it('creates a missing ~/.aws as 0700 and the file as 0600', async () => {
    const store = new NodeFileStore();
    const outcome = await store.replace(credentials, encode('[tes]\n'), await store.read(credentials));
    expect(outcome).toEqual({ status: 'written', notices: [] });
    expect(await fsp.readFile(credentials, 'utf8')).toBe('[tes]\n');
    expect(await modeOf(aws)).toBe(0o700);
    expect(await modeOf(join(root, 'home'))).toBe(0o700);
    expect(await modeOf(credentials)).toBe(0o600);
    expect(await leftovers()).toEqual([]);
  });

  it('writes an existing 0644 file as 0600 and says so', async () => {
    const snapshot = await seed(ORIGINAL, 0o644);
    const outcome = await new NodeFileStore().replace(credentials, encode('[tes]\n'), snapshot);
    expect(outcome.notices).toEqual([`permissions of ${credentials} tightened from 0644 to 0600 (only you can read your credentials)`]);
    expect(await modeOf(credentials)).toBe(0o600);
  });

  it('rewrites the target of a symlink and keeps the link', async () => {
    const dotfiles = join(root, 'dotfiles');
    await fsp.mkdir(dotfiles);
    await fsp.writeFile(join(dotfiles, 'aws-credentials'), ORIGINAL);
    await fsp.mkdir(aws, { recursive: true });
    await fsp.symlink('../../dotfiles/aws-credentials', credentials);
    const store = new NodeFileStore();
    await store.replace(credentials, encode('[tes]\n'), await store.read(credentials));
    expect((await fsp.lstat(credentials)).isSymbolicLink()).toBe(true);
    expect(await fsp.readlink(credentials)).toBe('../../dotfiles/aws-credentials');
    expect(await fsp.readFile(join(dotfiles, 'aws-credentials'), 'utf8')).toBe('[tes]\n');
    expect(await fsp.readdir(dotfiles)).toEqual(['aws-credentials']);
  });

  it('creates the target of a dangling symlink', async () => {
    await fsp.mkdir(aws, { recursive: true });
    await fsp.symlink(join(root, 'elsewhere', 'creds'), credentials);
    const store = new NodeFileStore();
    await store.replace(credentials, encode('[tes]\n'), await store.read(credentials));
    expect(await fsp.readFile(join(root, 'elsewhere', 'creds'), 'utf8')).toBe('[tes]\n');
    expect((await fsp.lstat(credentials)).isSymbolicLink()).toBe(true);
  });

  it('reports a conflict and writes nothing when another writer changed the file after our read', async () => {
    const snapshot = await seed();
    await fsp.appendFile(credentials, '[other]\n');
    const outcome = await new NodeFileStore().replace(credentials, encode('[tes]\n'), snapshot);
    expect(outcome.status).toBe('conflict');
    expect(await fsp.readFile(credentials, 'utf8')).toBe(`${ORIGINAL}[other]\n`);
    expect(await leftovers()).toEqual([]);
  });

  it('lets exactly one of two racing writers with the same snapshot win', async () => {
    const snapshot = await seed();
    const outcomes = await Promise.all([
      new NodeFileStore().replace(credentials, encode('[a]\n'), snapshot),
      new NodeFileStore().replace(credentials, encode('[b]\n'), snapshot),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['conflict', 'written']);
    expect(['[a]\n', '[b]\n']).toContain(await fsp.readFile(credentials, 'utf8'));
    expect(await leftovers()).toEqual([]);
  });

  it('refuses to replace something that is not a regular file', async () => {
    await fsp.mkdir(credentials, { recursive: true });
    const error = await errorOf(new NodeFileStore().replace(credentials, encode('[tes]\n'), { bytes: null, fingerprint: 'absent' }));
    expect(error.code).toBe('file-io');
    expect(error.message).toMatch(/is a folder, not a file/);
  });
});

describe('replace: failures leave the original intact and no temp file behind', () => {
  it('permission denied on the folder', async () => {
    const snapshot = await seed();
    // Root ignores modes: make the folder immutable instead (ext4 and most Linux file systems).
    // Where neither can be arranged (no CAP_LINUX_IMMUTABLE), the file system's answer is injected.
    const isRoot = process.getuid?.() === 0;
    const locked = isRoot ? spawnSync('chattr', ['+i', aws]).status === 0 : await fsp.chmod(aws, 0o500).then(() => true);
    const denied: FileOps['writeNewFile'] = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const store = new NodeFileStore(locked ? {} : { ops: { writeNewFile: denied } });
    const error = await errorOf(store.replace(credentials, encode('[tes]\n'), snapshot));
    expect(error.code).toBe('file-io');
    expect(error.message).toMatch(/could not be written: (permission denied|the operation is not permitted)/);
    expect(error.message).toContain('The file was not changed.');
    expect(await fsp.readFile(credentials, 'utf8')).toBe(ORIGINAL);
    spawnSync('chattr', ['-i', aws]);
    await fsp.chmod(aws, 0o700);
    expect(await leftovers()).toEqual([]);
  });

  it('a file where the folder should be', async () => {
    await fsp.mkdir(join(root, 'home'), { recursive: true });
    await fsp.writeFile(aws, 'not a folder');
    const error = await errorOf(new NodeFileStore().replace(credentials, encode('[tes]\n'), { bytes: null, fingerprint: 'absent' }));
    expect(error.code).toBe('file-io');
    expect(error.message).toMatch(/part of that path is a file, not a folder/);
    expect(await fsp.readFile(aws, 'utf8')).toBe('not a folder');
  });

  it('disk full while writing the temp file', async () => {
    const snapshot = await seed();
    const writeNewFile: FileOps['writeNewFile'] = async (path, bytes) => {
      await fsp.writeFile(path, bytes.slice(0, 3), { flag: 'wx', mode: 0o600 });
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const error = await errorOf(new NodeFileStore({ ops: { writeNewFile } }).replace(credentials, encode('[tes]\n'), snapshot));
    expect(error.code).toBe('file-io');
    expect(error.message).toBe(`${credentials} could not be written: the disk is full. Free some space, then try again. The file was not changed.`);
    expect(await fsp.readFile(credentials, 'utf8')).toBe(ORIGINAL);
    expect(await leftovers()).toEqual([]);
  });
});

describe('replace on Windows: a target held open by an editor or antivirus', () => {
  it('retries EBUSY/EPERM a few times, then succeeds', async () => {
    const snapshot = await seed();
    let calls = 0;
    const rename: FileOps['rename'] = async (from, to) => {
      calls += 1;
      if (calls <= 2) throw Object.assign(new Error('busy'), { code: calls === 1 ? 'EBUSY' : 'EPERM' });
      await fsp.rename(from, to);
    };
    const store = new NodeFileStore({ platform: 'win32', ops: { rename }, renameBackoffMs: 1 });
    expect((await store.replace(credentials, encode('[tes]\n'), snapshot)).status).toBe('written');
    expect(calls).toBe(3);
    expect(await fsp.readFile(credentials, 'utf8')).toBe('[tes]\n');
  });

  it('gives up after a bounded number of tries with a clear error; original intact', async () => {
    const snapshot = await seed();
    let calls = 0;
    const rename: FileOps['rename'] = async () => {
      calls += 1;
      throw Object.assign(new Error('locked'), { code: 'EPERM' });
    };
    const store = new NodeFileStore({ platform: 'win32', ops: { rename }, renameAttempts: 4, renameBackoffMs: 1 });
    const error = await errorOf(store.replace(credentials, encode('[tes]\n'), snapshot));
    expect(calls).toBe(4);
    expect(error.code).toBe('file-io');
    expect(error.message).toMatch(/is held open by another program .* after 4 tries\. Close that program, then try again\. The file was not changed\./);
    expect(await fsp.readFile(credentials, 'utf8')).toBe(ORIGINAL);
    expect(await leftovers()).toEqual([]);
  });

  it('does not retry the same errors on other systems', async () => {
    const snapshot = await seed();
    let calls = 0;
    const rename: FileOps['rename'] = async () => {
      calls += 1;
      throw Object.assign(new Error('locked'), { code: 'EPERM' });
    };
    await errorOf(new NodeFileStore({ platform: 'linux', ops: { rename } }).replace(credentials, encode('[tes]\n'), snapshot));
    expect(calls).toBe(1);
  });
});

describe('leftovers of a crashed writer', () => {
  it('removes our stale temp files (dead pid, or older than a minute) and nothing else', async () => {
    const snapshot = await seed();
    const dead = `.credentials.sts-tray-${deadPid()}-0a1b2c3d4e5f.tmp`;
    const oldButAlive = `.config.sts-tray-${process.pid}-abcdef012345.tmp`;
    const freshAlive = `.config.sts-tray-${process.pid}-fedcba987654.tmp`;
    const notOurs = ['.credentials.swp', 'credentials.tmp', '.credentials.sts-tray-12x-00.tmp'];
    for (const name of [dead, oldButAlive, freshAlive, ...notOurs]) await fsp.writeFile(join(aws, name), 'partial');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await fsp.utimes(join(aws, oldButAlive), twoMinutesAgo, twoMinutesAgo);
    await new NodeFileStore().replace(credentials, encode('[tes]\n'), snapshot);
    expect(await leftovers()).toEqual([freshAlive, ...notOurs].sort());
  });

  it('takes over a lock whose process is dead, and removes it when done', async () => {
    const snapshot = await seed();
    await fsp.writeFile(join(aws, '.credentials.sts-tray.lock'), JSON.stringify({ pid: deadPid(), token: 'x', at: Date.now() }));
    expect((await new NodeFileStore().replace(credentials, encode('[tes]\n'), snapshot)).status).toBe('written');
    expect(await leftovers()).toEqual([]);
  });

  it('takes over a lock older than the stale limit even if its pid is alive', async () => {
    const snapshot = await seed();
    const lock = join(aws, '.credentials.sts-tray.lock');
    await fsp.writeFile(lock, JSON.stringify({ pid: process.pid, token: 'x', at: 0 }));
    const longAgo = new Date(Date.now() - 60_000);
    await fsp.utimes(lock, longAgo, longAgo);
    expect((await new NodeFileStore().replace(credentials, encode('[tes]\n'), snapshot)).status).toBe('written');
  });

  it('waits for a live lock, then gives up with a clear error', async () => {
    const snapshot = await seed();
    const lock = join(aws, '.credentials.sts-tray.lock');
    await fsp.writeFile(lock, JSON.stringify({ pid: process.pid, token: 'someone-else', at: Date.now() }));
    const error = await errorOf(new NodeFileStore({ lockWaitMs: 100 }).replace(credentials, encode('[tes]\n'), snapshot));
    expect(error.code).toBe('file-io');
    expect(error.message).toBe(
      `${credentials} is being written by another sts-tray (process ${process.pid}); try again in a moment. If no sts-tray is running, delete ${lock}.`,
    );
    expect(await fsp.readFile(credentials, 'utf8')).toBe(ORIGINAL);
    expect(await fsp.readFile(lock, 'utf8')).toContain('someone-else');
  });
});

describe('AwsProfileStore on the real file system', () => {
  /** Plays "another program" that appends a profile right after our first read. */
  class InterferingFiles implements FileStore {
    private done = false;
    constructor(private readonly inner: FileStore) {}
    async read(path: string): Promise<FileSnapshot> {
      const snapshot = await this.inner.read(path);
      if (!this.done && path === credentials) {
        this.done = true;
        await fsp.appendFile(credentials, '\n[from-aws-configure]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n');
      }
      return snapshot;
    }
    replace(path: string, bytes: Uint8Array, expected: FileSnapshot): Promise<ReplaceOutcome> {
      return this.inner.replace(path, bytes, expected);
    }
  }

  it('merges with a change another program made between our read and our replace', async () => {
    await seed();
    const store = new AwsProfileStore(new InterferingFiles(new NodeFileStore()), { credentials, config: join(aws, 'config') });
    await store.write([
      {
        profile: 'tes',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'fake-secret-tes',
        sessionToken: 'fake-token-tes',
        expiresAt: Date.UTC(2026, 10, 22, 13, 5),
        source: 'role tes',
      },
    ]);
    const text = await fsp.readFile(credentials, 'utf8');
    expect(text.startsWith(`${ORIGINAL}\n[from-aws-configure]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n\n[tes]\n`)).toBe(true);
    expect(text).toContain('aws_session_token = fake-token-tes\n');
  });

  it('a renewal that keeps the region leaves the config file alone: same inode, no lock or temp file', async () => {
    await seed();
    const config = join(aws, 'config');
    const store = new AwsProfileStore(new NodeFileStore(), { credentials, config });
    const renewal = (n: number) => ({
      profile: 'tes',
      accessKeyId: `ASIAIOSFODNN7EXAMP0${n}`,
      secretAccessKey: `fake-secret-${n}`,
      sessionToken: `fake-token-${n}`,
      expiresAt: Date.UTC(2026, 10, 22, 13, n),
      region: 'ap-northeast-1',
      source: 'role tes',
    });
    await store.write([renewal(1)]);
    const [configBefore, credentialsBefore] = await Promise.all([fsp.stat(config), fsp.stat(credentials)]);
    // Watch the folder: a lock or temp file for the config file would show up here.
    const seen: string[] = [];
    const stop = new AbortController();
    const watching = (async () => {
      for await (const event of fsp.watch(aws, { signal: stop.signal })) if (event.filename) seen.push(event.filename);
    })().catch(() => undefined); // ends with an AbortError
    // Marker files instead of sleeps: the first proves the watcher runs, the second, written
    // after the renewal, that every event of the renewal has arrived (they come in order).
    const seenMarker = async (name: string) => {
      await fsp.writeFile(join(aws, name), '');
      await vi.waitFor(() => expect(seen).toContain(name), { timeout: 5_000, interval: 5 });
    };
    await seenMarker('watch-started');
    await store.write([renewal(2)]);
    await seenMarker('renewal-done');
    stop.abort();
    await watching;
    const [configAfter, credentialsAfter] = await Promise.all([fsp.stat(config), fsp.stat(credentials)]);
    expect(configAfter.ino).toBe(configBefore.ino);
    expect(configAfter.mtimeMs).toBe(configBefore.mtimeMs);
    expect(credentialsAfter.ino).not.toBe(credentialsBefore.ino); // replaced by rename: a new file
    expect(seen.filter((name) => name.includes('config'))).toEqual([]);
    await Promise.all(['watch-started', 'renewal-done'].map((name) => fsp.rm(join(aws, name))));
    expect(seen.some((name) => name.includes('credentials'))).toBe(true);
    expect(await fsp.readFile(credentials, 'utf8')).toContain('aws_session_token = fake-token-2\n');
  });
});
