// `window.stsTray`: the whole API the renderer has. Preload builds it over ipcRenderer (the
// e2e harness runs that same preload over its bridge).

import type { EventChannel, EventOf, RequestChannel, RequestOf, ResponseOf } from './channels.js';
import type { Result } from './result.js';

export interface StsTrayApi {
  invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

declare global {
  interface Window {
    readonly stsTray: StsTrayApi;
  }
}
