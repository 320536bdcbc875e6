// The tray menu as a pure function of the app's view: a header with the live role and its
// expiry, the roles grouped tes / stg / prd / other (the active one checked, each with its
// state), the copy submenu, the console of the active role, key rotation per identity and
// the actions. tray-presenter.ts turns it into a native menu.

import { ENVIRONMENTS, type Environment } from '../contract/config-schema.js';
import type { AppView, RoleView } from '../contract/views.js';
import { TRAY_EXPORT_FORMATS, type MainStrings, type RoleTrouble, type TrayExportFormat } from './main-strings.js';
import { minutesUntil, type TimeFormatter } from '../core/time.js';
import { ssoStrings } from './sso-strings.js';

export type TrayAction = 'renew' | 'console' | 'open' | 'sign-out-all' | 'quit';

export type TrayMenuItem =
  /** A line of information; not clickable. */
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'role'; readonly role: string; readonly env: Environment; readonly label: string; readonly checked: boolean }
  | {
      readonly kind: 'copy';
      readonly label: string;
      readonly enabled: boolean;
      readonly formats: readonly { readonly format: TrayExportFormat; readonly label: string }[];
    }
  | { readonly kind: 'action'; readonly action: TrayAction; readonly label: string; readonly enabled: boolean }
  /** Starts an IAM Identity Center sign-in (or says which code one waits for, not clickable). */
  | { readonly kind: 'sso-sign-in'; readonly identity: string; readonly label: string; readonly enabled: boolean }
  /** "Rotate key…": one entry per identity (a submenu when there are several). */
  | { readonly kind: 'rotate'; readonly label: string; readonly identities: readonly string[] };

/** Menus are one line per item: a long sentence (a config error) is cut. */
const MAX_LABEL = 100;

export function trayMenu(view: AppView, strings: MainStrings, formatTime: TimeFormatter): TrayMenuItem[] {
  const open = action('open', strings.open, true);
  const quit = action('quit', strings.quit, true);
  if (view.configError) {
    return [label(strings.configError(view.configError.message)), separator, open, separator, quit];
  }
  const signIns = ssoSignInItems(view);
  if (view.roles.length === 0) {
    return [label(strings.empty), ...signIns, separator, open, separator, quit];
  }

  const active = view.roles.find((r) => r.active) ?? null;
  const live = active !== null && active.expiresAt !== null && active.expiresAt > view.now;
  const anySession = view.roles.some((r) => r.status !== 'idle' || r.expiresAt !== null);
  const items: TrayMenuItem[] = [...header(view.now, active, strings, formatTime), separator];

  for (const env of ENVIRONMENTS) {
    const roles = view.roles.filter((r) => r.role.env === env);
    if (roles.length === 0) continue;
    items.push(label(strings.env[env]));
    for (const role of roles) {
      items.push({
        kind: 'role',
        role: role.role.name,
        env,
        label: roleLabel(view.now, role, strings),
        checked: role.active,
      });
    }
    items.push(separator);
  }

  if (signIns.length > 0) items.push(...signIns, separator);
  items.push(
    {
      kind: 'copy',
      label: strings.copyExports,
      // Export lines come from the active role's live credentials; without them there is nothing to copy.
      enabled: live,
      formats: TRAY_EXPORT_FORMATS.map((format) => ({ format, label: strings.formats[format] })),
    },
    action('renew', strings.renewNow, anySession),
    // The console opens as the active role; a code is asked for when its session needs one.
    action('console', strings.openConsole, active !== null),
    separator,
    ...(view.identities.length > 0 ? [{ kind: 'rotate', label: strings.rotateKey, identities: view.identities.map((i) => i.name) } as const] : []),
    open,
    action('sign-out-all', strings.signOutAll, anySession),
    separator,
    quit,
  );
  return items;
}

function header(now: number, active: RoleView | null, strings: MainStrings, formatTime: TimeFormatter): TrayMenuItem[] {
  if (active === null) return [label(strings.noActiveRole)];
  const lines = [label(strings.activeRole(active.role.name, active.role.env))];
  if (active.expiresAt !== null) {
    const at = formatTime(active.expiresAt);
    if (active.expiresAt <= now) lines.push(label(strings.expiredAt(at)));
    else {
      const renewsIn = active.nextRenewalAt === null ? null : minutesUntil(now, active.nextRenewalAt);
      lines.push(label(strings.expiry(at, renewsIn)));
    }
  }
  return lines;
}

function roleLabel(now: number, role: RoleView, strings: MainStrings): string {
  const trouble = troubleOf(role);
  if (trouble) return `${role.role.name} — ${strings.trouble[trouble]}`;
  if (role.expiresAt !== null && role.expiresAt > now) {
    return `${role.role.name} — ${strings.minutesLeft(minutesUntil(now, role.expiresAt))}`;
  }
  return role.role.name;
}

export function troubleOf(role: RoleView): RoleTrouble | null {
  switch (role.status) {
    case 'renewing':
    case 'needs-mfa':
    case 'failed':
    case 'expired':
      return role.status;
    case 'idle':
    case 'active':
      return null;
  }
}

const separator: TrayMenuItem = { kind: 'separator' };

function label(text: string): TrayMenuItem {
  return { kind: 'label', label: text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text };
}

function action(name: TrayAction, text: string, enabled: boolean): TrayMenuItem {
  return { kind: 'action', action: name, label: text, enabled };
}

/**
 * IAM Identity Center sign-ins that need the person: the one waiting for approval (its code),
 * and those not signed in, ended, or whose roles stopped for want of a sign-in.
 */
function ssoSignInItems(view: AppView): TrayMenuItem[] {
  const strings = ssoStrings(view.preferences.language, view.systemLocale);
  const items: TrayMenuItem[] = [];
  for (const sso of view.ssoIdentities ?? []) {
    if (view.ssoSignIn?.identity === sso.name) {
      items.push({ kind: 'sso-sign-in', identity: sso.name, label: strings.signingIn(sso.name, view.ssoSignIn.userCode), enabled: false });
      continue;
    }
    const ended = sso.signInEndsAt === null || sso.signInEndsAt <= view.now;
    const stopped = view.roles.some((r) => r.role.identity === sso.name && r.lastError?.code === 'needs-sign-in');
    if (ended || stopped) items.push({ kind: 'sso-sign-in', identity: sso.name, label: strings.signIn(sso.name), enabled: true });
  }
  return items;
}
