// Desktop notifications from the renewal engine's and the shell's events: MFA session
// ending soon (a click opens the MFA prompt), renewal failed with the reason, credentials
// expired, switched to prd. Each kind can be muted (preferences.notifications), and each is
// shown once until its subject recovers, so a bad afternoon is one notice, not fifty.

import type { Preferences } from '../contract/config-schema.js';
import { mainStrings, type Notice } from './main-strings.js';
import { ssoStrings } from './sso-strings.js';
import type { NoticeSink, ShellEvent } from './shell-ports.js';

export interface Notification extends Notice {
  readonly onClick?: () => void;
}

/** The desktop's notifications (main/electron-notifier.ts adapts Electron's Notification). */
export interface Notifier {
  show(notification: Notification): void;
}

export interface NoticeCenterDeps {
  readonly notifier: Notifier;
  /** A click on "MFA session ending": compose-tray-app.ts wires controller.promptMfa(identity, 'expiring'). */
  readonly openMfaPrompt: (identity: string) => void;
  /** A click on "sign-in ending" or "sign in again": starts an IAM Identity Center sign-in. */
  readonly signIn?: ((identity: string) => void) | undefined;
  /** "Rotate now" on the key-age and unfinished-rotation notices. */
  readonly rotateKey: (identity: string) => void;
  /** A click on a failure or expiry: the window shows the role and its error. */
  readonly showWindow: () => void;
  /** For the language preference 'system'. */
  readonly systemLocale: string;
}

export class NoticeCenter implements NoticeSink {
  /** What was shown and not yet recovered from, as `kind:subject[:detail]` keys. */
  private readonly shown = new Set<string>();

  constructor(private readonly deps: NoticeCenterDeps) {}

  handle(event: ShellEvent, preferences: Preferences): void {
    const strings = mainStrings(preferences.language, this.deps.systemLocale);
    const on = preferences.notifications;
    switch (event.type) {
      case 'mfa-expiring': {
        // One notice per warning lead of one MFA session: a new session (another expiry)
        // gets its own warnings, and the old session's keys are dropped.
        this.forget(`mfa:${event.identity}:`, `mfa:${event.identity}:${event.expiresAt}:`);
        if (!on.mfaExpiring) return;
        const minutes = Math.max(1, Math.ceil((event.expiresAt - event.at) / 60_000));
        this.once(`mfa:${event.identity}:${event.expiresAt}:${event.leadSeconds}`, {
          ...(event.signIn ? ssoStrings(preferences.language, this.deps.systemLocale).ending(event.identity, minutes) : strings.mfaExpiring(event.identity, minutes)),
          onClick: () => (event.signIn ? this.deps.signIn?.(event.identity) : this.deps.openMfaPrompt(event.identity)),
        });
        return;
      }
      case 'failed':
        // A transient failure the engine retries by itself (retryAt set) is not news yet:
        // the tray shows it, and if the retries run out the role fails for good or expires,
        // which is notified then. One that needs the user is notified at once.
        if (event.retryAt !== null || !on.renewalFailed) return;
        if (event.code === 'needs-mfa') {
          // Every role of an identity hits the ended MFA session in the same wave: one
          // notice for the identity, whose click asks for the code they all wait for.
          this.once(`needs-mfa:${event.identity}`, {
            ...strings.mfaNeeded(event.identity),
            onClick: () => this.deps.openMfaPrompt(event.identity),
          });
          return;
        }
        if (event.code === 'needs-sign-in') {
          // As with an ended MFA session: one notice for the sign-in all its roles wait for.
          this.once(`needs-mfa:${event.identity}`, {
            ...ssoStrings(preferences.language, this.deps.systemLocale).needed(event.identity),
            onClick: () => this.deps.signIn?.(event.identity),
          });
          return;
        }
        this.once(`failed:${event.role}`, { ...strings.renewalFailed(event.role, event.message), onClick: this.deps.showWindow });
        return;
      case 'wave-failed':
        // Nothing could be renewed (the config or the credentials file is unusable).
        if (!on.renewalFailed) return;
        this.once(`wave:${event.code}`, { ...strings.renewalStopped(event.message), onClick: this.deps.showWindow });
        return;
      case 'expired':
        if (!on.expired) return;
        this.once(`expired:${event.role}`, { ...strings.expired(event.role), onClick: this.deps.showWindow });
        return;
      case 'switched':
        // Every switch to prd is a deliberate act worth a reminder; only a repeat of the
        // same event (same moment) is dropped.
        if (event.env !== 'prd' || !on.switchedPrd) return;
        this.forget(`switched:${event.role}:`, `switched:${event.role}:${event.at}`);
        this.once(`switched:${event.role}:${event.at}`, strings.switchedPrd(event.role));
        return;
      case 'renewed':
      case 'recovered':
        this.shown.delete(`failed:${event.role}`);
        this.shown.delete(`expired:${event.role}`);
        // A renewal means a code was entered (or a session found): a later end is news again.
        this.forget('needs-mfa:');
        if (event.type === 'renewed') this.forget('wave:');
        return;
      case 'clipboard-refused':
        // An answer to the user's own action (or to the promise made with it): never muted.
        this.deps.notifier.show({ ...strings.clipboardRefused(event.action), onClick: this.deps.showWindow });
        return;
      case 'clock-jump':
        return;
      case 'key-old':
        // Once per run: a key does not get younger until it is rotated.
        this.once(`key-old:${event.identity}`, { ...strings.keyOld(event.identity, event.ageDays), onClick: () => this.deps.rotateKey(event.identity) });
        return;
      case 'rotation-interrupted':
        this.once(`rotation:${event.identity}`, { ...strings.rotationInterrupted(event.identity, event.leftover), onClick: () => this.deps.rotateKey(event.identity) });
        return;
      case 'key-rotated':
        this.forget(`key-old:${event.identity}`);
        this.forget(`rotation:${event.identity}`);
        this.deps.notifier.show(strings.keyRotated(event.identity, event.newAccessKeyId));
        return;
      case 'key-rotation-failed':
        // An answer to the user's own action: never muted.
        this.deps.notifier.show({ ...strings.keyRotationFailed(event.identity, event.message), onClick: this.deps.showWindow });
        return;
    }
  }

  private once(key: string, notification: Notification): void {
    if (this.shown.has(key)) return;
    this.shown.add(key);
    this.deps.notifier.show(notification);
  }

  /** Drops the keys starting with `prefix`, except those starting with `keep`. */
  private forget(prefix: string, keep?: string): void {
    for (const key of this.shown) {
      if (key.startsWith(prefix) && !(keep !== undefined && key.startsWith(keep))) this.shown.delete(key);
    }
  }
}
