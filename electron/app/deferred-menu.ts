// Holds back a new tray menu while the old one is open. Replacing an open context menu
// closes it under the user's pointer (macOS, Windows), and the tray's labels change every
// minute (their minute counts); the newest menu is set as soon as the open one closes.

export class DeferredMenu<M> {
  private open = false;
  private pending: M | null = null;

  constructor(private readonly apply: (menu: M) => void) {}

  offer(menu: M): void {
    if (this.open) this.pending = menu;
    else this.apply(menu);
  }

  /** The menu was opened (menu-will-show). */
  opened(): void {
    this.open = true;
  }

  /** The menu closed (menu-will-close): the newest held-back menu goes in now. */
  closed(): void {
    this.open = false;
    const pending = this.pending;
    this.pending = null;
    if (pending !== null) this.apply(pending);
  }
}
