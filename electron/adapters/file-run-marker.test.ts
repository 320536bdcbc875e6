import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileRunMarker } from './file-run-marker.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fileRunMarker', () => {
  it('a real file: absent, written (folder created), present, removed; removing twice is fine', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sts-tray-marker-'));
    const marker = fileRunMarker(join(dir, 'nested', 'running'), 4242, () => 0);
    expect(await marker.exists()).toBe(false);
    await marker.write();
    expect(await marker.exists()).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'nested', 'running'), 'utf8'))).toEqual({ pid: 4242, startedAt: '1970-01-01T00:00:00.000Z' });
    await marker.remove();
    await marker.remove();
    expect(await marker.exists()).toBe(false);
  });
});
