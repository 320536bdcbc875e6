import { describe, expect, it } from 'vitest';
import { MemoryFileStore } from './memory-file-store.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('MemoryFileStore', () => {
  it('writes only when the file is still what was read', async () => {
    const files = new MemoryFileStore();
    const missing = await files.read('/f');
    expect(missing).toEqual({ bytes: null, fingerprint: 'absent' });
    expect((await files.replace('/f', encode('one'), missing)).status).toBe('written');
    expect((await files.replace('/f', encode('two'), missing)).status).toBe('conflict');
    expect(files.text('/f')).toBe('one');
  });

  it('plays another program changing the file between read and replace, as many times as asked', async () => {
    const files = new MemoryFileStore();
    files.setText('/f', 'original');
    let round = 0;
    files.interfere('/f', () => encode(`changed elsewhere ${(round += 1)}`), 2);
    for (const expected of ['conflict', 'conflict', 'written']) {
      const snapshot = await files.read('/f');
      expect((await files.replace('/f', encode('ours'), snapshot)).status).toBe(expected);
    }
    expect(files.text('/f')).toBe('ours');
  });

  it('can fail the next replace without writing', async () => {
    const files = new MemoryFileStore();
    files.failNextReplace('/f', new Error('disk full'));
    await expect(files.replace('/f', encode('x'), await files.read('/f'))).rejects.toThrow('disk full');
    expect(files.text('/f')).toBeNull();
    expect(files.writes).toHaveLength(0);
  });
});
