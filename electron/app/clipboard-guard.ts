// Export lines on the clipboard, for as short a time as is useful: written marked as
// concealed (electron-clipboard.ts knows each OS's way), cleared after the delay only if
// the clipboard still holds them (the user may have copied something else since), and
// cleared on quit. A new copy replaces the pending clear.
//
// Electron's clipboard is asynchronous, so writes and checks run one after another on a
// queue: a clear can never overtake the write it is meant to undo.
//
// A write or clear can be refused without an error (a Wayland compositor drops both from a
// client without keyboard focus, and Chromium's readText() then still returns its own cached
// copy): the port says so instead, and the user is told. Reading the clipboard back is never
// taken as proof that a write landed.

import type { Clock, TimerHandle, Timers } from '../core/ports.js';
import type { SecretClipboard } from './shell-ports.js';

/** 'refused': the desktop would not take the operation (no focused window on Wayland). */
export type ClipboardWrite = 'written' | 'refused';
export type ClipboardClear = 'cleared' | 'kept' | 'refused';

/** The system clipboard (electron-clipboard.ts adapts Electron's). */
export interface ClipboardPort {
  /** Writes plain text plus the OS's "do not keep this" markers. */
  writeConcealed(text: string): Promise<ClipboardWrite>;
  /** Reads the clipboard and clears it if `isOurs` says it still holds our text, in one go. */
  clearIf(isOurs: (current: string) => boolean): Promise<ClipboardClear>;
}

export interface ClipboardGuardDeps {
  readonly clipboard: ClipboardPort;
  readonly clock: Clock;
  readonly timers: Timers;
  /** A cryptographic digest (main passes SHA-256), so the guard keeps no copy of the text. */
  readonly digest: (text: string) => string;
  /** A clipboard operation failed; the error never carries the text. */
  readonly onError: (error: unknown) => void;
  /** The desktop refused a copy or a clear: the user must hear of it. */
  readonly onRefused: (action: 'copy' | 'clear') => void;
}

export class ClipboardGuard implements SecretClipboard {
  /** A digest of what we wrote, not the text: the secret is not kept longer than needed. */
  private ours: string | null = null;
  private timer: TimerHandle | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ClipboardGuardDeps) {}

  copy(text: string, clearAfterMs: number): number {
    this.cancelTimer();
    const digest = this.deps.digest(text);
    this.ours = digest;
    this.enqueue(async () => {
      if ((await this.deps.clipboard.writeConcealed(text)) === 'written') return;
      // Nothing of ours is on the clipboard: no clear to wait for.
      if (this.ours === digest) {
        this.ours = null;
        this.cancelTimer();
      }
      this.deps.onRefused('copy');
    });
    this.timer = this.deps.timers.setTimer(() => {
      this.timer = null;
      void this.clearIfOurs();
    }, clearAfterMs);
    return this.deps.clock.now() + clearAfterMs;
  }

  /** Clears now if the clipboard still holds our text; resolves when done (await it on quit). */
  clearIfOurs(): Promise<void> {
    this.cancelTimer();
    return this.enqueue(async () => {
      if (this.ours === null) return;
      const expected = this.ours;
      const outcome = await this.deps.clipboard.clearIf((current) => this.deps.digest(current) === expected);
      if (outcome === 'refused') {
        // Still ours, as far as we know: the clear on quit tries again.
        this.deps.onRefused('clear');
        return;
      }
      // Ours or replaced by the user: either way nothing of ours is left to watch.
      if (this.ours === expected) this.ours = null;
    });
  }

  /** Resolves once every queued write and clear has run. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  private cancelTimer(): void {
    if (this.timer) this.deps.timers.clearTimer(this.timer);
    this.timer = null;
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation).catch((error: unknown) => this.deps.onError(error));
    this.queue = run;
    return run;
  }
}
