// Where sts-tray keeps its own config: the platform's app-data folder (the same folder
// Electron's app.getPath('userData') gives for an app named sts-tray), or STS_TRAY_HOME.

import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'sts-tray';

export function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.STS_TRAY_HOME) return env.STS_TRAY_HOME;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

export function configFilePath(env: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string): string {
  return join(appDataFolder(env, platform, home), 'config.json');
}
