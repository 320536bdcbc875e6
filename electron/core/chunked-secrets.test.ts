import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedSecretStore, DEFAULT_MAX_ITEM_BYTES, utf8ByteLength } from './chunked-secrets.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';
import { errorOf } from './testing/error-of.js';

// Windows Credential Manager's real limit: the fake refuses anything bigger, like it does.
const WINDOWS_LIMIT = 2560;

function stores(maxItemBytes?: number) {
  const inner = new MemorySecretStore({ maxValueBytes: WINDOWS_LIMIT });
  const chunked = new ChunkedSecretStore(inner, maxItemBytes === undefined ? {} : { maxItemBytes });
  return { inner, chunked };
}

async function itemSizes(inner: MemorySecretStore): Promise<number[]> {
  const sizes: number[] = [];
  for (const name of await inner.list()) sizes.push(utf8ByteLength((await inner.get(name)) ?? ''));
  return sizes;
}


const SECRET = 'fake-secret-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('ChunkedSecretStore', () => {
  it.each([
    ['an empty value', ''],
    ['a short key', SECRET],
    ['8 KB of ASCII (a session token)', 'FQoGZXIvYXdzE'.repeat(631).slice(0, 8192)],
    ['8 KB of 3-byte characters', '本番アカウント'.repeat(400)],
    ['4-byte characters across part boundaries', '🔑'.repeat(1500)],
    ['mixed scripts and combining marks', 'tes-é-e\u0301-ｽﾃｰｼﾞﾝｸﾞ-🇯🇵-'.repeat(300)],
  ])('gives back %s exactly, with no item over the limit', async (_name, value) => {
    const { inner, chunked } = stores();
    await chunked.set('identity-tes', value);
    expect(await chunked.get('identity-tes')).toBe(value);
    for (const size of await itemSizes(inner)) expect(size).toBeLessThanOrEqual(DEFAULT_MAX_ITEM_BYTES);
  });

  it('round-trips any text, at any item size, without exceeding it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 600 }).filter((s) => !s.includes('\0')),
        fc.integer({ min: 64, max: 300 }),
        async (value, maxItemBytes) => {
          const { inner, chunked } = stores(maxItemBytes);
          await chunked.set('a', value);
          expect(await chunked.get('a')).toBe(value);
          for (const size of await itemSizes(inner)) expect(size).toBeLessThanOrEqual(maxItemBytes);
        },
      ),
    );
  });

  it('splits 8 KB into five items named account, account#1 … account#4', async () => {
    const { inner, chunked } = stores();
    await chunked.set('identity-tes', 'x'.repeat(8192));
    expect((await inner.list()).sort()).toEqual([
      'identity-tes',
      'identity-tes#1',
      'identity-tes#2',
      'identity-tes#3',
      'identity-tes#4',
    ]);
    expect(await chunked.list()).toEqual(['identity-tes']);
  });

  it('removes the parts a smaller value no longer needs', async () => {
    const { inner, chunked } = stores();
    await chunked.set('identity-tes', 'x'.repeat(8192));
    await chunked.set('identity-tes', 'x'.repeat(3000));
    expect((await inner.list()).sort()).toEqual(['identity-tes', 'identity-tes#1']);
    await chunked.set('identity-tes', SECRET);
    expect(await inner.list()).toEqual(['identity-tes']);
    expect(await chunked.get('identity-tes')).toBe(SECRET);
  });

  it('cleans up leftover parts whose first item was deleted outside the app', async () => {
    const inner = new MemorySecretStore({
      entries: [
        ['identity-tes#1', 'old'],
        ['identity-tes#7', 'old'],
        ['identity-stg', 'untouched'],
      ],
    });
    await new ChunkedSecretStore(inner).set('identity-tes', SECRET);
    expect((await inner.list()).sort()).toEqual(['identity-stg', 'identity-tes']);
  });

  it('delete removes every part, leaves other accounts, and says whether anything was there', async () => {
    const { inner, chunked } = stores();
    await chunked.set('identity-tes', 'x'.repeat(8192));
    await chunked.set('identity-stg', SECRET);
    expect(await chunked.delete('identity-tes')).toBe(true);
    expect(await inner.list()).toEqual(['identity-stg']);
    expect(await chunked.get('identity-tes')).toBeNull();
    expect(await chunked.delete('identity-tes')).toBe(false);
  });

  it('gives null for an account never stored', async () => {
    expect(await stores().chunked.get('identity-prd')).toBeNull();
  });

  type Tamper = (inner: MemorySecretStore) => Promise<unknown>;
  it.each<[string, Tamper]>([
    ['a middle part deleted', (inner) => inner.delete('identity-tes#2')],
    ['the last part deleted', (inner) => inner.delete('identity-tes#4')],
    ['a part shortened', (inner) => inner.set('identity-tes#1', 'short')],
    ['a part lengthened', async (inner) => inner.set('identity-tes#3', `${await inner.get('identity-tes#3')}x`)],
    ['the first item replaced by plain text', (inner) => inner.set('identity-tes', SECRET)],
    ['the header claiming more parts', async (inner) =>
      inner.set('identity-tes', ((await inner.get('identity-tes')) ?? '').replace('parts=5', 'parts=6'))],
    ['the header claiming fewer parts', async (inner) =>
      inner.set('identity-tes', ((await inner.get('identity-tes')) ?? '').replace('parts=5', 'parts=4'))],
  ])('reports %s as a changed item, asking to enter it again', async (_name, tamper) => {
    const { inner, chunked } = stores();
    const value = `${SECRET}-`.repeat(160);
    await chunked.set('identity-tes', value);
    expect(await inner.list()).toHaveLength(5);
    await tamper(inner);
    const error = await errorOf(chunked.get('identity-tes'));
    expect(error.code).toBe('keychain-item-changed');
    expect(error.message).toContain('identity-tes');
    expect(error.message).toMatch(/enter the key again/i);
    expect(error.message).not.toContain(SECRET);
  });

  it.each([
    ['an account with "#"', 'identity#1', SECRET],
    ['an empty account', '', SECRET],
    ['a value with NUL', 'identity-tes', `${SECRET}\0tail`],
    ['a value with a lone surrogate', 'identity-tes', `${SECRET}\uD83D`],
  ])('refuses %s and writes nothing', async (_name, account, value) => {
    const { inner, chunked } = stores();
    const error = await errorOf(chunked.set(account, value));
    expect(error.code).toBe('validation');
    expect(error.message).not.toContain(SECRET);
    expect(await inner.list()).toEqual([]);
  });

  it('passes on an unavailable keychain as keychain-unavailable from every call', async () => {
    const { inner, chunked } = stores();
    await chunked.set('identity-tes', SECRET);
    inner.unavailable = true;
    for (const call of [
      chunked.get('identity-tes'),
      chunked.set('identity-tes', SECRET),
      chunked.delete('identity-tes'),
      chunked.list(),
    ]) {
      expect((await errorOf(call)).code).toBe('keychain-unavailable');
    }
  });

  it('refuses an item size too small for its header', () => {
    expect(() => new ChunkedSecretStore(new MemorySecretStore(), { maxItemBytes: 10 })).toThrow(RangeError);
  });
});
