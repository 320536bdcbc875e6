// What the app controller needs from the shell around it, and what it offers the shell.
// Electron provides these in main (electron-*.ts); the e2e harness provides recording
// versions; unit tests pass stand-ins. Nothing here imports electron.

import type * as z from 'zod/mini';
import type { REQUESTS, RequestChannel, ResponseOf } from '../contract/channels.js';
import type { Environment, Preferences } from '../core/model.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';

/** Every request channel's handler, given the request already validated by its schema. */
export type RequestHandlers = {
  readonly [C in RequestChannel]: (request: z.output<(typeof REQUESTS)[C]['request']>) => Promise<ResponseOf<C>>;
};

/** The clipboard for export lines: cleared after a delay if it still holds what we put there. */
export interface SecretClipboard {
  /** Writes `text` (marked concealed where the OS can) and returns when it will be cleared. */
  copy(text: string, clearAfterMs: number): number;
  /** Clears the clipboard now if it still holds our text (on quit). */
  clearIfOurs(): Promise<void>;
}

/** What may deserve a desktop notification: the engine's events and the shell's own. */
export type ShellEvent =
  | RenewalEvent
  | { readonly type: 'switched'; readonly role: string; readonly env: Environment; readonly at: number }
  /** A role's credentials were renewed or switched to: its failure/expiry notices may show again. */
  | { readonly type: 'recovered'; readonly role: string; readonly at: number }
  /** The desktop refused to let us copy or clear (Wayland without a focused window). */
  | { readonly type: 'clipboard-refused'; readonly action: 'copy' | 'clear'; readonly at: number }
  /** An identity's long-lived key is older than the preference keys.maxAgeDays. */
  | { readonly type: 'key-old'; readonly identity: string; readonly ageDays: number; readonly at: number }
  /**
   * A key rotation of the identity did not finish (crash, network): a rerun finishes it.
   * `leftover` says what IAM's key list shows that the keychain lacks, when IAM would tell.
   */
  | { readonly type: 'rotation-interrupted'; readonly identity: string; readonly leftover: string | null; readonly at: number }
  | { readonly type: 'key-rotated'; readonly identity: string; readonly newAccessKeyId: string; readonly at: number }
  | { readonly type: 'key-rotation-failed'; readonly identity: string; readonly message: string; readonly at: number };

/** Turns events into desktop notifications (deduplicated, muted per preference). */
export interface NoticeSink {
  handle(event: ShellEvent, preferences: Preferences): void;
}

export interface ConfirmQuestion {
  readonly title: string;
  readonly detail: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
}

export interface ShellPorts {
  readonly clipboard: SecretClipboard;
  readonly notices: NoticeSink;
  /** A native yes/no question (a switch to prd from the tray menu). */
  readonly confirm: (question: ConfirmQuestion) => Promise<boolean>;
  /** Shows (creating if needed) the window with the renderer. */
  readonly showWindow: () => void;
  readonly setLaunchAtLogin: (enabled: boolean) => void;
  /**
   * The Node binary and CLI file AWS tools run for a role's `credential_process` (absolute
   * paths, so the profile works whatever their PATH); empty when the shell knows of no CLI.
   */
  readonly credentialProcessLauncher: readonly string[];
  /** Opens a page in the default browser (an IAM Identity Center sign-in); absent: the window shows its address. */
  readonly openExternal?: ((url: string) => void) | undefined;
  /**
   * Opens a console login URL in the default browser. The URL is a secret: main checks it
   * against the sign-in endpoints it allows (app/console-opener.ts) and hands it to the OS.
   */
  readonly openConsole: (url: string) => Promise<void>;
}
