// The window's Preferences: saved to the config, launch at login applied when it changed.

import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

export function preferenceRequests(ctx: ControllerContext): Pick<RequestHandlers, 'preferences:set'> {
  const { services } = ctx;
  return {
    'preferences:set': async ({ preferences }) => {
      const before = (await services.configStore.load()).preferences;
      const saved = await services.configStore.update((config) => ({ ...config, preferences }));
      ctx.rememberPreferences(saved.preferences);
      if (before.launchAtLogin !== saved.preferences.launchAtLogin) ctx.shell.setLaunchAtLogin(saved.preferences.launchAtLogin);
      ctx.changed();
      return saved.preferences;
    },
  };
}
