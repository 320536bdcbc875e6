import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginLaunch, type LoginLaunch } from '../app/login-launch.js';
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

const PACKAGED: LoginLaunch = { kind: 'register', executable: '/opt/sts-tray/sts-tray', args: ['--hidden'] };

function setUp(platform: NodeJS.Platform, configHome = '/nonexistent', launch: LoginLaunch = PACKAGED) {
  const loginItems: unknown[] = [];
  const errors: unknown[] = [];
  const set = launchAtLogin({
    platform,
    setLoginItemSettings: (s) => loginItems.push(s),
    launch,
    linux: { files: realFiles, configHome },
    onError: (e) => errors.push(e),
  });
  return { set, loginItems, errors };
}

describe('launchAtLogin', () => {
  it('macOS: app.setLoginItemSettings({ openAtLogin }) from the preference', () => {
    const { set, loginItems } = setUp('darwin');
    set(true);
    set(false);
    expect(loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('Windows: the entry names the executable and --hidden, the same to set and to clear', () => {
    const { set, loginItems } = setUp('win32');
    set(true);
    set(false);
    expect(loginItems).toEqual([
      { openAtLogin: true, path: '/opt/sts-tray/sts-tray', args: ['--hidden'] },
      { openAtLogin: false, path: '/opt/sts-tray/sts-tray', args: ['--hidden'] },
    ]);
  });

  it('npm start on Linux: the entry starts Electron with the app path, not the bare binary', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sts-tray-autostart-'));
    dirs.push(home);
    const launch = loginLaunch({ platform: 'linux', isPackaged: false, execPath: '/repo/node_modules/electron/dist/electron', appPath: '/repo' });
    const { set } = setUp('linux', home, launch);
    set(true);
    expect(await readFile(join(home, 'autostart', 'sts-tray.desktop'), 'utf8')).toContain('\nExec=/repo/node_modules/electron/dist/electron /repo --hidden\n');
  });

  it('npm start on macOS: nothing registered, and the reason reported when turned on', () => {
    const launch = loginLaunch({ platform: 'darwin', isPackaged: false, execPath: '/x/Electron.app/Contents/MacOS/Electron', appPath: '/repo' });
    const { set, loginItems, errors } = setUp('darwin', '/nonexistent', launch);
    set(true);
    set(false);
    expect(loginItems).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('Linux: writes and removes an XDG autostart entry', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sts-tray-autostart-'));
    dirs.push(home);
    const { set, loginItems, errors } = setUp('linux', home);
    const file = join(home, 'autostart', 'sts-tray.desktop');
    set(true);
    expect(await readFile(file, 'utf8')).toBe(autostartEntry('/opt/sts-tray/sts-tray', ['--hidden']));
    expect(await readFile(file, 'utf8')).toContain('\nExec=/opt/sts-tray/sts-tray --hidden\n');
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
      launch: PACKAGED,
      linux: { files: { write: () => { throw new Error('EROFS'); }, remove: () => undefined }, configHome: '/x' },
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
