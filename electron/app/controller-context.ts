// What the request handlers (identity-, role-, session-, mfa-, preference-, import-, sso- and tool-requests.ts) may
// use of the controller: the services, the shared work of a switch, and the view's state.

import type { ActivationView, ActivityKind, AppView, MfaPrompt, RoleView } from '../contract/views.js';
import type { AppServices } from '../core/app-services.js';
import type { ExportFormat } from '../core/export-format.js';
import type { Preferences, Role } from '../core/model.js';
import type { ShellEvent, ShellPorts } from './shell-ports.js';

export interface ControllerContext {
  readonly services: AppServices;
  readonly shell: ShellPorts;
  now(): number;
  record(kind: ActivityKind, subject: string, detail: string | null): void;
  /** A new view to every listener, soon (once per burst of changes). */
  changed(): void;
  /** A new view to every listener now; returns it. */
  changedNow(): Promise<AppView>;
  roleView(name: string): Promise<RoleView>;
  activate(role: Role, mfaCode?: string): Promise<ActivationView>;
  copy(format: ExportFormat, roleName: string | undefined): Promise<{ clearsAt: number }>;
  signOut(roleName: string | undefined): Promise<{ removed: string[] }>;
  /** A removed or renamed role: not renewed, not active, no error kept. */
  forgetRole(name: string): void;
  mfaPrompt: MfaPrompt | null;
  rememberPreferences(preferences: Preferences): void;
  mfaExpiry(identity: string): Promise<number | null>;
  /** A desktop notice, with the preferences as last known. */
  notify(event: ShellEvent): void;
  /** What the tray started and an MFA code must finish: run once the identity's code is in. */
  takeAfterMfa(identity: string): (() => Promise<void>) | undefined;
}
