import { describe, expect, it } from 'vitest';
import { appDataFolder, configFilePath } from './app-paths.js';

describe('appDataFolder', () => {
  it.each([
    [{ STS_TRAY_HOME: '/tmp/x' }, 'linux', '/tmp/x'],
    [{}, 'linux', '/home/u/.config/sts-tray'],
    [{ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/xdg/sts-tray'],
    [{}, 'darwin', '/home/u/Library/Application Support/sts-tray'],
  ] as const)('%j on %s → %s', (env, platform, expected) => {
    expect(appDataFolder(env, platform, '/home/u')).toBe(expected);
  });

  it('puts config.json in it', () => {
    expect(configFilePath({ STS_TRAY_HOME: '/tmp/x' })).toBe('/tmp/x/config.json');
  });
});
