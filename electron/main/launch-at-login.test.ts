import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartEntry, desktopExecQuote, launchAtLogin, type AutostartFiles } from './launch-at-login.js';

const realFiles: AutostartFiles = {
  write: (path, content) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { mode: 0o644 });
  },
  remove: (path) => rmSync(path, { force: true }),
};

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

function setUp(platform: NodeJS.Platform, configHome = '/nonexistent') {
  const loginItems: { openAtLogin: boolean }[] = [];
  const errors: unknown[] = [];
  const set = launchAtLogin({
    platform,
    setLoginItemSettings: (s) => loginItems.push(s),
    linux: { files: realFiles, configHome, executable: '/opt/sts-tray/sts-tray' },
    onError: (e) => errors.push(e),
  });
  return { set, loginItems, errors };
}

describe('launchAtLogin', () => {
  it.each(['darwin', 'win32'] as const)('%s: app.setLoginItemSettings({ openAtLogin }) from the preference', (platform) => {
    const { set, loginItems } = setUp(platform);
    set(true);
    set(false);
    expect(loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('Linux: writes and removes an XDG autostart entry', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sts-tray-autostart-'));
    dirs.push(home);
    const { set, loginItems, errors } = setUp('linux', home);
    const file = join(home, 'autostart', 'sts-tray.desktop');
    set(true);
    expect(await readFile(file, 'utf8')).toBe(autostartEntry('/opt/sts-tray/sts-tray'));
    expect(await readFile(file, 'utf8')).toContain('\nExec=/opt/sts-tray/sts-tray\n');
    set(false);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    set(false);
    expect(errors).toEqual([]);
    expect(loginItems).toEqual([]);
  });

  it('a failure is reported, not thrown into the controller', () => {
    const errors: unknown[] = [];
    const set = launchAtLogin({
      platform: 'linux',
      setLoginItemSettings: () => undefined,
      linux: { files: { write: () => { throw new Error('EROFS'); }, remove: () => undefined }, configHome: '/x', executable: '/y' },
      onError: (e) => errors.push(e),
    });
    expect(() => set(true)).not.toThrow();
    expect(errors).toEqual([new Error('EROFS')]);
  });
});

describe('desktopExecQuote', () => {
  it.each([
    ['/opt/sts-tray/sts-tray', '/opt/sts-tray/sts-tray'],
    ['/home/u/Apps/sts tray.AppImage', '"/home/u/Apps/sts tray.AppImage"'],
    ['/home/u/100%/x', '"/home/u/100%%/x"'],
    ['/home/u/$HOME/"q"', '"/home/u/\\\\$HOME/\\\\"q\\\\""'],
  ])('%s → %s', (path, expected) => {
    expect(desktopExecQuote(path)).toBe(expected);
  });

  it('refuses a path with a line break (it would add lines to the entry)', () => {
    expect(() => desktopExecQuote('/tmp/x\nExec=/bin/evil')).toThrow(/line break/);
  });
});
