import { describe, expect, it } from 'vitest';
import type { RunMarker } from './ports.js';
import { beginRun, endRun } from './run-marker.js';

class MemoryMarker implements RunMarker {
  constructor(public present = false) {}
  exists = () => Promise.resolve(this.present);
  write = () => Promise.resolve(void (this.present = true));
  remove = () => Promise.resolve(void (this.present = false));
}

async function start(marker: MemoryMarker, onQuit: 'keep' | 'remove') {
  const removed: string[] = [];
  const result = await beginRun({ marker, onQuit: () => Promise.resolve(onQuit), removeOwnedProfiles: () => Promise.resolve(removed.push('removed')) });
  return { result, removed };
}

describe('beginRun / endRun', () => {
  it.each([
    ['first start ever', false, 'remove', { uncleanExit: false, removedLeftovers: false }, []],
    ['after a clean quit', false, 'remove', { uncleanExit: false, removedLeftovers: false }, []],
    ['after a crash or skipped logoff, preference remove: removes the leftover profiles', true, 'remove', { uncleanExit: true, removedLeftovers: true }, ['removed']],
    ['after a crash, preference keep: leaves them', true, 'keep', { uncleanExit: true, removedLeftovers: false }, []],
  ] as const)('%s', async (_name, leftOver, onQuit, expected, removals) => {
    const marker = new MemoryMarker(leftOver);
    const { result, removed } = await start(marker, onQuit);
    expect(result).toEqual(expected);
    expect(removed).toEqual(removals);
    expect(marker.present).toBe(true);
  });

  it('a clean quit removes the marker, so the next start finds nothing to finish', async () => {
    const marker = new MemoryMarker();
    await start(marker, 'remove');
    await endRun(marker);
    const { result, removed } = await start(marker, 'remove');
    expect(result.uncleanExit).toBe(false);
    expect(removed).toEqual([]);
  });
});
