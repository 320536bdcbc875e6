// FileStore on Node's fs: atomic, conflict-checked replace of a small text file.
// Sequence: follow symlinks to the real file; create its folder 0700; clean our stale temp
// files; take a lock file beside it (O_EXCL) so two sts-tray processes never interleave;
// write a 0600 temp file in the same folder and fsync it; re-read the target and give up
// with 'conflict' if it is no longer what the caller read; rename over it; fsync the folder.
// A crash at any point leaves the original or the new file, never a mix.
// The steps use Node's synchronous calls: each takes microseconds on a small file, while
// a thread-pool round trip per step made a write several times slower.

import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StsTrayError } from '../core/errors.js';
import type { FileSnapshot, FileStore, ReplaceOutcome } from '../core/ports.js';

/** The file operations that tests replace to play Windows, a full disk or a denied folder. */
export interface FileOps {
  rename(from: string, to: string): Promise<void>;
  /** Creates `path` (it must not exist) with `mode`, writes `bytes` and fsyncs. */
  writeNewFile(path: string, bytes: Uint8Array, mode: number): Promise<void>;
}

export interface NodeFileStoreOptions {
  readonly ops?: Partial<FileOps>;
  /** Decides the Windows behaviours (rename retry, no POSIX modes). */
  readonly platform?: NodeJS.Platform;
  readonly renameAttempts?: number;
  readonly renameBackoffMs?: number;
  /** A lock older than this is stale even if its process seems alive (pid reuse). */
  readonly lockStaleMs?: number;
  /** How long to wait for another sts-tray's lock before giving up. */
  readonly lockWaitMs?: number;
  /** Our temp files older than this are removed even if their process seems alive. */
  readonly tempStaleMs?: number;
}

/** `.<name>.sts-tray-<pid>-<hex>.tmp`: the only files we ever delete besides our lock. */
const TEMP_NAME = /^\..+\.sts-tray-(\d+)-[0-9a-f]+\.tmp$/;
const BUSY_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);

const defaultOps: FileOps = {
  async rename(from, to) {
    fs.renameSync(from, to);
  },
  async writeNewFile(path, bytes, mode) {
    const fd = fs.openSync(path, 'wx', mode);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fchmodSync(fd, mode); // the umask may have taken bits away; make it exact
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
};

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function fingerprintOf(bytes: Uint8Array): string {
  return `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // exists, owned by someone else
  }
}

function statOrNull(path: string): fs.Stats | null {
  try {
    return fs.statSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function readTextOrEmpty(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function unlinkQuietly(path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // already gone
  }
}

/** A person-readable file-io error; the original file is untouched whenever we throw. */
export function fileIoError(error: unknown, path: string, action: 'read' | 'written'): StsTrayError {
  if (error instanceof StsTrayError) return error;
  const code = errnoCode(error);
  const unchanged = action === 'written' ? ' The file was not changed.' : '';
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full. Free some space, then try again.',
    EDQUOT: 'your disk quota is used up. Free some space, then try again.',
    EACCES: `permission denied. Check that you own ${dirname(path)} and the file (ls -l), then try again.`,
    EPERM: `the operation is not permitted (is the file or folder locked or immutable?). Check ${dirname(path)}, then try again.`,
    EROFS: 'the file system is read-only. Point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at a writable place, or remount it.',
    ENOTDIR: 'part of that path is a file, not a folder. Move that file away, then try again.',
    EISDIR: 'it is a folder, not a file. Move the folder away, then try again.',
    ELOOP: 'it is a symbolic link that points back to itself. Fix the link, then try again.',
  };
  const reason = reasons[code] ?? `the system said ${code || 'an unknown error'}. Try again; if it keeps failing, check the disk and the file's permissions.`;
  return new StsTrayError('file-io', `${path} could not be ${action}: ${reason}${unchanged}`, { cause: error });
}

export class NodeFileStore implements FileStore {
  private readonly ops: FileOps;
  private readonly platform: NodeJS.Platform;
  private readonly renameAttempts: number;
  private readonly renameBackoffMs: number;
  private readonly lockStaleMs: number;
  private readonly lockWaitMs: number;
  private readonly tempStaleMs: number;

  constructor(options: NodeFileStoreOptions = {}) {
    this.ops = { ...defaultOps, ...options.ops };
    this.platform = options.platform ?? process.platform;
    this.renameAttempts = options.renameAttempts ?? 8;
    this.renameBackoffMs = options.renameBackoffMs ?? 25;
    this.lockStaleMs = options.lockStaleMs ?? 30_000;
    this.lockWaitMs = options.lockWaitMs ?? 10_000;
    this.tempStaleMs = options.tempStaleMs ?? 60_000;
  }

  async read(path: string): Promise<FileSnapshot> {
    try {
      const bytes = new Uint8Array(fs.readFileSync(path));
      return { bytes, fingerprint: fingerprintOf(bytes) };
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { bytes: null, fingerprint: 'absent' };
      throw fileIoError(error, path, 'read');
    }
  }

  async replace(path: string, bytes: Uint8Array, expected: FileSnapshot): Promise<ReplaceOutcome> {
    const target = this.resolveTarget(path);
    const dir = dirname(target);
    const name = basename(target);
    let temp: string | null = null;
    let release: (() => void) | null = null;
    try {
      this.ensureFolder(dir);
      this.removeStaleTemps(dir);
      release = await this.lock(dir, name, target);
      const before = statOrNull(target);
      if (before && !before.isFile()) throw fileIoError(Object.assign(new Error(), { code: 'EISDIR' }), target, 'written');
      temp = join(dir, `.${name}.sts-tray-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      await this.ops.writeNewFile(temp, bytes, 0o600);
      if (before && typeof process.getuid === 'function' && before.uid !== process.getuid()) {
        // Running as root on a user's file (sudo): hand the new file back to its owner.
        try {
          fs.chownSync(temp, before.uid, before.gid);
        } catch {
          // not permitted: the file stays ours, still 0600
        }
      }
      const current = await this.read(target);
      if (current.fingerprint !== expected.fingerprint) {
        unlinkQuietly(temp);
        temp = null;
        return { status: 'conflict', notices: [] };
      }
      await this.renameWithRetry(temp, target);
      temp = null;
      this.syncFolder(dir);
      return { status: 'written', notices: this.modeNotices(target, before?.mode) };
    } catch (error) {
      throw fileIoError(error, target, 'written');
    } finally {
      if (temp !== null) unlinkQuietly(temp);
      if (release) release();
    }
  }

  /** The file a symlink chain ends at (possibly not existing yet), so the link itself is kept. */
  private resolveTarget(path: string): string {
    let current = resolve(path);
    for (let hops = 0; hops < 40; hops += 1) {
      let isLink: boolean;
      try {
        isLink = fs.lstatSync(current).isSymbolicLink();
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOENT') return current;
        throw fileIoError(error, path, 'written');
      }
      if (!isLink) return current;
      current = resolve(dirname(current), fs.readlinkSync(current));
    }
    throw fileIoError(Object.assign(new Error(), { code: 'ELOOP' }), path, 'written');
  }

  private ensureFolder(dir: string): void {
    const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (created === undefined || this.platform === 'win32') return;
    // Every folder we created, from the first one down to `dir`, is 0700 whatever the umask.
    for (let folder = dir; folder.length >= created.length; folder = dirname(folder)) {
      fs.chmodSync(folder, 0o700);
      if (folder === dirname(folder)) break;
    }
  }

  /** Temp files of ours left by a crash: a dead pid, or older than tempStaleMs. */
  private removeStaleTemps(dir: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of names) {
      const match = TEMP_NAME.exec(entry);
      if (!match) continue;
      const pid = Number(match[1]);
      const path = join(dir, entry);
      let mtime: number | undefined;
      try {
        mtime = fs.statSync(path).mtimeMs;
      } catch {
        continue; // gone already, or not ours to judge
      }
      const stale = (pid !== process.pid && !isAlive(pid)) || (mtime !== undefined && Date.now() - mtime > this.tempStaleMs);
      if (stale) unlinkQuietly(path);
    }
  }

  /** O_EXCL lock file beside the target; returns its release. */
  private async lock(dir: string, name: string, target: string): Promise<() => void> {
    const lockPath = join(dir, `.${name}.sts-tray.lock`);
    const token = `${process.pid}-${randomBytes(8).toString('hex')}`;
    const started = Date.now();
    for (;;) {
      try {
        const fd = fs.openSync(lockPath, 'wx', 0o600);
        try {
          fs.writeFileSync(fd, JSON.stringify({ pid: process.pid, token, at: Date.now() }));
        } finally {
          fs.closeSync(fd);
        }
        return () => {
          if (readTextOrEmpty(lockPath).includes(token)) unlinkQuietly(lockPath);
        };
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST') throw error;
      }
      const holder = this.lockHolder(lockPath);
      if (holder === 'stale') {
        unlinkQuietly(lockPath);
        continue;
      }
      if (Date.now() - started > this.lockWaitMs) {
        throw new StsTrayError(
          'file-io',
          `${target} is being written by another sts-tray (process ${holder}); try again in a moment. If no sts-tray is running, delete ${lockPath}.`,
        );
      }
      await sleep(15 + Math.random() * 20);
    }
  }

  /** 'stale', or the pid (or '?') of a live holder. */
  private lockHolder(lockPath: string): 'stale' | string {
    let age: number;
    let content: string;
    try {
      age = Date.now() - fs.statSync(lockPath).mtimeMs;
      content = fs.readFileSync(lockPath, 'utf8');
    } catch {
      return '?'; // just released: take the next turn
    }
    if (age > this.lockStaleMs) return 'stale';
    let pid: unknown;
    try {
      pid = (JSON.parse(content) as { pid?: unknown }).pid;
    } catch {
      // Being written this very moment, or left empty by a crash between create and write.
      return age > 2000 ? 'stale' : '?';
    }
    if (typeof pid !== 'number' || !isAlive(pid)) return 'stale';
    return String(pid);
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.ops.rename(from, to);
        return;
      } catch (error) {
        // Windows refuses to replace a file an editor or a virus scanner holds open, briefly.
        if (this.platform !== 'win32' || !BUSY_ON_WINDOWS.has(errnoCode(error))) throw error;
        if (attempt >= this.renameAttempts) {
          throw new StsTrayError(
            'file-io',
            `${to} is held open by another program (an editor or antivirus?), so sts-tray could not replace it after ${attempt} tries. Close that program, then try again. The file was not changed.`,
            { cause: error },
          );
        }
        await sleep(Math.min(this.renameBackoffMs * 2 ** (attempt - 1), 500));
      }
    }
  }

  /** Makes the rename itself durable. Not possible (nor needed) on Windows. */
  private syncFolder(dir: string): void {
    if (this.platform === 'win32') return;
    let fd: number;
    try {
      fd = fs.openSync(dir, 'r');
    } catch {
      return;
    }
    try {
      fs.fsyncSync(fd);
    } catch {
      // some file systems cannot sync a folder; the rename is still atomic
    } finally {
      fs.closeSync(fd);
    }
  }

  private modeNotices(target: string, mode: number | undefined): string[] {
    if (mode === undefined || this.platform === 'win32') return [];
    const old = mode & 0o777;
    if (old === 0o600) return [];
    const octal = (m: number) => `0${m.toString(8).padStart(3, '0')}`;
    const verb = (old & 0o077) !== 0 ? 'tightened' : 'changed';
    return [`permissions of ${target} ${verb} from ${octal(old)} to 0600 (only you can read your credentials)`];
  }
}
