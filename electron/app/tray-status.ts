// What the tray icon and its tooltip say, as a pure function of the app's view: the live
// role's environment (prd unmistakable: its own red icon, a tooltip that starts with
// "PRD"), the time left, and the worst state among the roles, so trouble with any role
// shows without opening the menu.

import type { AppView, RoleView } from '../contract/views.js';
import type { MainStrings } from './main-strings.js';
import { minutesUntil } from '../core/time.js';
import type { TrayIconEnv, TrayIconState } from './tray-icon-name.js';
import { troubleOf } from './tray-menu.js';

export type { TrayIconEnv, TrayIconState } from './tray-icon-name.js';

export interface TrayStatus {
  /** The live role's environment; null when no role is live or it is 'other'. */
  readonly env: TrayIconEnv;
  readonly state: TrayIconState;
  readonly tooltip: string;
}

/** Windows cuts a tray tooltip at 127 characters. */
const MAX_TOOLTIP = 127;

/** Worst first: what needs the user beats what fixes itself. */
const SEVERITY: Record<TrayIconState, number> = { failed: 3, 'needs-mfa': 2, renewing: 1, ok: 0 };

export function trayStatus(view: AppView, strings: MainStrings): TrayStatus {
  if (view.configError) {
    return { env: null, state: 'failed', tooltip: cut(`sts-tray: ${strings.configError(view.configError.message)}`) };
  }
  const state = view.roles.map(iconState).reduce<TrayIconState>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'ok');
  const needsUser = view.roles.filter((r) => {
    const s = iconState(r);
    return s === 'failed' || s === 'needs-mfa';
  }).length;
  const active = view.roles.find((r) => r.active) ?? null;
  const live = active !== null && active.expiresAt !== null && active.expiresAt > view.now;

  const lines: string[] = [];
  if (active === null || !live) {
    lines.push(active === null ? strings.idleTooltip : `${prefix(active)}${active.role.name} · ${strings.trouble.expired}`);
  } else {
    lines.push(`${prefix(active)}${active.role.name} · ${strings.minutesLeft(minutesUntil(view.now, active.expiresAt ?? view.now))}`);
  }
  if (needsUser > 0) lines.push(strings.attention(needsUser));
  return { env: live ? iconEnv(active) : null, state, tooltip: cut(lines.join('\n')) };
}

function iconState(role: RoleView): TrayIconState {
  switch (troubleOf(role)) {
    case 'failed':
    case 'expired':
      return 'failed';
    case 'needs-mfa':
      return 'needs-mfa';
    case 'renewing':
      return 'renewing';
    case null:
      return 'ok';
  }
}

function iconEnv(role: RoleView | null): TrayIconEnv {
  const env = role?.role.env;
  return env === 'tes' || env === 'stg' || env === 'prd' ? env : null;
}

/** "PRD · ", "TES · ": the environment first, where a glance lands. */
function prefix(role: RoleView): string {
  const env = iconEnv(role);
  return env === null ? '' : `${env.toUpperCase()} · `;
}

function cut(text: string): string {
  return text.length > MAX_TOOLTIP ? `${text.slice(0, MAX_TOOLTIP - 1)}…` : text;
}
