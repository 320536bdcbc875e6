// In-memory FileStore for core tests. Besides plain read/replace it can play "another program"
// changing a file between our read and our replace, and make a replace fail, so the store's
// retry and error paths can be tested without a disk.

import type { FileSnapshot, FileStore, ReplaceOutcome } from '../ports.js';

/** What another program does to a file: new bytes, or null to delete it. */
export type Interference = (current: Uint8Array | null) => Uint8Array | null;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over the bytes plus the length: enough to tell contents apart in tests. */
function fingerprintOf(bytes: Uint8Array | null): string {
  if (bytes === null) return 'absent';
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 1) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193) >>> 0;
  return `fnv1a-${hash.toString(16)}-${bytes.length}`;
}

export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Uint8Array>();
  private readonly interferences = new Map<string, Interference[]>();
  private readonly failures = new Map<string, Error>();
  /** Every successful replace, in order. */
  readonly writes: { readonly path: string; readonly bytes: Uint8Array }[] = [];
  /** Notices each successful replace reports (e.g. a permissions change). */
  notices: readonly string[] = [];

  setText(path: string, text: string): void {
    this.files.set(path, encoder.encode(text));
  }

  setBytes(path: string, bytes: Uint8Array): void {
    this.files.set(path, new Uint8Array(bytes));
  }

  text(path: string): string | null {
    const bytes = this.files.get(path);
    return bytes === undefined ? null : decoder.decode(bytes);
  }

  bytes(path: string): Uint8Array | null {
    return this.files.get(path) ?? null;
  }

  /** The next `times` replaces of `path` find the file changed by `change` since it was read. */
  interfere(path: string, change: Interference, times = 1): void {
    const queue = this.interferences.get(path) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(change);
    this.interferences.set(path, queue);
  }

  /** The next replace of `path` throws `error` and writes nothing. */
  failNextReplace(path: string, error: Error): void {
    this.failures.set(path, error);
  }

  async read(path: string): Promise<FileSnapshot> {
    const bytes = this.files.get(path) ?? null;
    return { bytes: bytes === null ? null : new Uint8Array(bytes), fingerprint: fingerprintOf(bytes) };
  }

  async replace(path: string, bytes: Uint8Array, expected: FileSnapshot): Promise<ReplaceOutcome> {
    const change = this.interferences.get(path)?.shift();
    if (change) {
      const changed = change(this.files.get(path) ?? null);
      if (changed === null) this.files.delete(path);
      else this.files.set(path, changed);
    }
    const failure = this.failures.get(path);
    if (failure) {
      this.failures.delete(path);
      throw failure;
    }
    if (fingerprintOf(this.files.get(path) ?? null) !== expected.fingerprint) return { status: 'conflict', notices: [] };
    this.files.set(path, new Uint8Array(bytes));
    this.writes.push({ path, bytes: new Uint8Array(bytes) });
    return { status: 'written', notices: this.notices };
  }
}
