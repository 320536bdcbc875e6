// Every Electron API or event the shell uses that Electron documents as limited to some
// platforms (@platform in electron.d.ts) is used behind a platform guard, or with a comment
// saying why it is harmless elsewhere. A listener for an event that never fires on Linux
// (unlock-screen) was once the only catch-up after unlock there; this is what finds such.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformLimits, unguardedUses } from './electron-platforms.mjs';

const root = join(import.meta.dirname, '..');
const limits = platformLimits(readFileSync(join(root, 'node_modules/electron/electron.d.ts'), 'utf8'));
const shellFiles = ['electron/main', 'electron/preload']
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name)))
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'));

describe('platformLimits (electron.d.ts)', () => {
  it.each([
    ['event:unlock-screen', ['darwin', 'win32']],
    ['event:session-end', ['win32']],
    ['event:shutdown', ['darwin', 'linux']],
    ['method:handleActivation', ['win32']],
    ['method:setToastActivatorCLSID', ['win32']],
    ['method:setAppUserModelId', ['win32']],
  ])('%s is limited to %j', (key, platforms) => {
    expect(limits.get(key)).toEqual(platforms);
  });

  it('names on every platform are not limited', () => {
    expect(limits.has('event:resume')).toBe(false);
    expect(limits.has('method:setContextMenu')).toBe(false);
    expect(limits.has('event:click')).toBe(false);
  });
});

describe('unguardedUses', () => {
  it('finds an unguarded unlock-screen listener, and accepts a guarded one or a documented reason', () => {
    expect(unguardedUses("powerMonitor.on('unlock-screen', check);", limits)).toEqual([{ line: 1, name: 'event:unlock-screen', platforms: ['darwin', 'win32'] }]);
    expect(unguardedUses("if (platform !== 'linux') powerMonitor.on('unlock-screen', check);", limits)).toEqual([]);
    expect(unguardedUses("// platform-limited: never fires on Linux, where resume covers it\npowerMonitor.on('unlock-screen', check);", limits)).toEqual([]);
  });
});

describe('the shell', () => {
  it.each(shellFiles)('%s uses platform-limited Electron APIs only behind a guard or with a reason', (path) => {
    expect(unguardedUses(readFileSync(join(root, path), 'utf8'), limits)).toEqual([]);
  });
});
