// The tray menu as a pure function of state: roles grouped tes / stg / prd / other, the
// live one checked. Electron's Menu is built from this in index.ts.

import { ENVIRONMENTS, profileOf, type AppConfig } from '../core/model.js';

export interface TrayMenuState {
  readonly config: AppConfig;
  /** Profiles sts-tray currently owns, with their expiry. */
  readonly owned: readonly { readonly profile: string; readonly expiresAt: number | null }[];
  readonly now: number;
  readonly lastError?: string | undefined;
}

export type TrayMenuItem =
  | { readonly kind: 'header'; readonly label: string }
  | { readonly kind: 'role'; readonly role: string; readonly label: string; readonly checked: boolean }
  | { readonly kind: 'separator' }
  | { readonly kind: 'action'; readonly action: 'quit'; readonly label: string };

export function trayMenu(state: TrayMenuState): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const live = (profile: string) => {
    const entry = state.owned.find((o) => o.profile === profile);
    return entry?.expiresAt != null && entry.expiresAt > state.now ? entry.expiresAt : null;
  };
  if (state.lastError) items.push({ kind: 'header', label: state.lastError });
  for (const env of ENVIRONMENTS) {
    const roles = state.config.roles.filter((r) => r.env === env);
    if (roles.length === 0) continue;
    items.push({ kind: 'header', label: env });
    for (const role of roles) {
      const expiresAt = live(profileOf(role));
      const minutes = expiresAt === null ? null : Math.floor((expiresAt - state.now) / 60_000);
      items.push({
        kind: 'role',
        role: role.name,
        label: minutes === null ? role.name : `${role.name} (${minutes} min left)`,
        checked: expiresAt !== null,
      });
    }
    items.push({ kind: 'separator' });
  }
  if (state.config.roles.length === 0) {
    items.push({ kind: 'header', label: 'No roles yet: add one with sts-tray role add' }, { kind: 'separator' });
  }
  items.push({ kind: 'action', action: 'quit', label: 'Quit' });
  return items;
}
