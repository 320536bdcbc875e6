// A SecretStore that fits values of any size into keychains with a small item limit.
// Windows Credential Manager holds at most 2,560 bytes per item, and an STS session token
// alone can be several KB. A value is split into items `account`, `account#1`, `account#2`, …
// The first item starts with a header giving the number of items and the total length, so a
// missing or edited part is noticed on read (by count and length) instead of handing back a
// wrong key.

import { StsTrayError } from './errors.js';
import type { SecretStore } from './ports.js';

/** Bytes per item: below Windows' 2,560-byte limit, with room to spare. */
export const DEFAULT_MAX_ITEM_BYTES = 2000;

/** Smallest item size accepted: the header plus a few characters must fit. */
export const MIN_ITEM_BYTES = 64;

/** Most items one value may take; also bounds the reads an edited header can cause. */
export const MAX_PARTS = 4096;

export interface ChunkedSecretStoreOptions {
  /** Largest value, in UTF-8 bytes, written to one item (header included). */
  readonly maxItemBytes?: number;
}

const HEAD = /^sts-tray:v1 parts=([1-9][0-9]{0,5}) bytes=([0-9]{1,12})\n/;

function renderHeader(parts: number, bytes: number): string {
  return `sts-tray:v1 parts=${parts} bytes=${bytes}\n`;
}

function partAccount(account: string, index: number): string {
  return `${account}#${index}`;
}

/** Index of `name` as a part (≥ 1) of `account`, or undefined when it is not one. */
function partIndexOf(account: string, name: string): number | undefined {
  const prefix = `${account}#`;
  if (!name.startsWith(prefix)) return undefined;
  const suffix = name.slice(prefix.length);
  return /^[1-9][0-9]*$/.test(suffix) ? Number(suffix) : undefined;
}

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD: 3 bytes). */
function codePointBytes(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += codePointBytes(char);
  return bytes;
}

/** Splits on code point boundaries so every part is valid text on its own. */
function split(value: string, firstCapacity: number, capacity: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  let limit = firstCapacity;
  for (const char of value) {
    const bytes = codePointBytes(char);
    if (used + bytes > limit) {
      parts.push(current);
      current = '';
      used = 0;
      limit = capacity;
    }
    current += char;
    used += bytes;
  }
  parts.push(current);
  return parts;
}

interface Layout {
  /** The first item: header, then the first part. */
  readonly head: string;
  /** Items `account#1` onwards. */
  readonly rest: readonly string[];
}

function layOut(value: string, maxItemBytes: number): Layout {
  const bytes = utf8ByteLength(value);
  // The header's length depends on the part count and the count on the room the header
  // leaves; the count only grows from one pass to the next, so this settles quickly.
  let count = 1;
  for (;;) {
    const header = renderHeader(count, bytes);
    const parts = split(value, maxItemBytes - utf8ByteLength(header), maxItemBytes);
    if (parts.length === count) {
      const [first = '', ...rest] = parts;
      return { head: header + first, rest };
    }
    count = parts.length;
  }
}

interface Head {
  readonly parts: number;
  readonly bytes: number;
  readonly first: string;
}

function parseHead(text: string): Head | undefined {
  const match = HEAD.exec(text);
  if (!match) return undefined;
  return { parts: Number(match[1]), bytes: Number(match[2]), first: text.slice(match[0].length) };
}

function itemChanged(account: string): StsTrayError {
  return new StsTrayError(
    'keychain-item-changed',
    `The keychain item "${account}" of sts-tray was changed or partly deleted outside sts-tray, ` +
      'so it cannot be trusted. Enter the key again (or sign in again) to replace it.',
  );
}

function checkAccount(account: string): void {
  if (account === '' || account.includes('#') || account.includes('\0')) {
    throw new StsTrayError(
      'validation',
      `The keychain account name "${account.replaceAll('\0', '\\0')}" is not allowed: ` +
        'it must be non-empty, without "#" (used for the parts of long values) and without NUL.',
    );
  }
}

// A NUL ends the value in libsecret's C API and a lone surrogate becomes U+FFFD: either
// would come back as a different value, so neither is accepted.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkValue(account: string, value: string): void {
  if (UNSTORABLE.test(value)) {
    throw new StsTrayError(
      'validation',
      `The value for keychain item "${account}" contains a NUL character or broken Unicode, ` +
        'which keychains do not store faithfully. Check what was pasted and try again.',
    );
  }
}

export class ChunkedSecretStore implements SecretStore {
  readonly #inner: SecretStore;
  readonly #maxItemBytes: number;

  constructor(inner: SecretStore, options: ChunkedSecretStoreOptions = {}) {
    const maxItemBytes = options.maxItemBytes ?? DEFAULT_MAX_ITEM_BYTES;
    if (!Number.isInteger(maxItemBytes) || maxItemBytes < MIN_ITEM_BYTES) {
      throw new RangeError(`maxItemBytes must be an integer of at least ${MIN_ITEM_BYTES}, got ${maxItemBytes}`);
    }
    this.#inner = inner;
    this.#maxItemBytes = maxItemBytes;
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    const text = await this.#inner.get(account);
    if (text === null) return null;
    const head = parseHead(text);
    if (!head || head.parts > MAX_PARTS) throw itemChanged(account);
    const rest = await Promise.all(
      Array.from({ length: head.parts - 1 }, (_, i) => this.#inner.get(partAccount(account, i + 1))),
    );
    if (rest.some((part) => part === null)) throw itemChanged(account);
    const value = head.first + rest.join('');
    if (utf8ByteLength(value) !== head.bytes) throw itemChanged(account);
    return value;
  }

  async set(account: string, value: string): Promise<void> {
    checkAccount(account);
    checkValue(account, value);
    const { head, rest } = layOut(value, this.#maxItemBytes);
    if (rest.length + 1 > MAX_PARTS) {
      throw new StsTrayError(
        'validation',
        `The value for keychain item "${account}" is too large for the keychain (${utf8ByteLength(value)} bytes).`,
      );
    }
    const previous = await this.#inner.get(account);
    const previousParts = previous === null ? undefined : parseHead(previous)?.parts;

    // Parts first, the head last: until the head is replaced, a reader sees the old header,
    // whose length check fails on the mix rather than passing a wrong value.
    for (const [i, part] of rest.entries()) await this.#inner.set(partAccount(account, i + 1), part);
    await this.#inner.set(account, head);

    const count = rest.length + 1;
    if (previousParts !== undefined) {
      for (let i = count; i < previousParts; i++) await this.#inner.delete(partAccount(account, i));
    } else {
      // No readable old header to say how many parts there were: look for leftovers.
      await this.#deleteParts(account, await this.#inner.list(), count);
    }
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    const names = await this.#inner.list();
    const headDeleted = await this.#inner.delete(account);
    const partsDeleted = await this.#deleteParts(account, names, 1);
    return headDeleted || partsDeleted;
  }

  /** Accounts holding a value; the parts of long values are not listed. */
  async list(): Promise<string[]> {
    const names = await this.#inner.list();
    return names.filter((name) => !name.includes('#'));
  }

  /** Deletes the parts of `account` numbered `from` and up that appear in `names`. */
  async #deleteParts(account: string, names: readonly string[], from: number): Promise<boolean> {
    let deleted = false;
    for (const name of names) {
      const index = partIndexOf(account, name);
      if (index !== undefined && index >= from) deleted = (await this.#inner.delete(name)) || deleted;
    }
    return deleted;
  }
}
