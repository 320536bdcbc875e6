// Puts the contract on ipcMain: one handler per request channel, each first checking who is
// asking (the top frame of our own window, showing our own origin), then handing the
// payload to dispatchRequest (validation, the controller, a Result). And the other way:
// every new view goes to the window as a 'state' event.

import { EVENTS, REQUEST_CHANNELS, ipcEventName, ipcRequestName, type RequestChannel } from '../contract/channels.js';
import type { AppView } from '../contract/views.js';
import { fail, type Result } from '../contract/result.js';
import { appOriginOf, APP_ORIGIN } from './app-protocol.js';
import type { RequestHandlers } from '../app/shell-ports.js';

/** What the check reads from Electron's IpcMainInvokeEvent. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export type Dispatch = (handlers: RequestHandlers, channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export interface IpcRegistrationDeps {
  readonly ipcMain: IpcMainLike;
  readonly handlers: RequestHandlers;
  /** ipc-dispatch.ts's dispatchRequest. */
  readonly dispatch: Dispatch;
  /** Our window's webContents id; null while there is no window. */
  readonly windowContentsId: () => number | null;
  /** A refused sender, for main's log (never the payload: it may hold a secret key being added). */
  readonly onRefused?: (channel: RequestChannel, reason: string) => void;
}

/** Registers every request channel; returns the function that removes them again. */
export function registerIpcHandlers(deps: IpcRegistrationDeps): () => void {
  for (const channel of REQUEST_CHANNELS) {
    deps.ipcMain.handle(ipcRequestName(channel), async (event, payload) => {
      const refusal = senderProblem(event, deps.windowContentsId());
      if (refusal !== null) {
        deps.onRefused?.(channel, refusal);
        return fail('forbidden-sender', 'this request did not come from the sts-tray window');
      }
      try {
        return await deps.dispatch(deps.handlers, channel, payload);
      } catch {
        // dispatchRequest never throws; this keeps a bug from becoming a rejected invoke.
        return fail('internal', `sts-tray could not answer ${channel}; this is a bug, please report it`);
      }
    });
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) deps.ipcMain.removeHandler(ipcRequestName(channel));
  };
}

/** Why this sender is refused, or null when it is our window's top frame at our origin. */
export function senderProblem(event: InvokeEventLike, windowContentsId: number | null): string | null {
  let frame: InvokeEventLike['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    frame = null;
  }
  if (frame === null || frame === undefined) return 'no sender frame (it navigated away or was destroyed)';
  if (frame.parent !== null) return 'a subframe';
  if (appOriginOf(frame.url) !== APP_ORIGIN) return 'a frame of another origin';
  if (windowContentsId === null || event.sender.id !== windowContentsId) return 'not our window';
  return null;
}

export interface ViewSink {
  send(channel: string, payload: unknown): boolean;
}

/**
 * Sends each view to the window as a 'state' event. The view is checked against the
 * contract's strict schema first: a field it does not name (a key, by some bug) never
 * leaves main.
 */
export function forwardViews(
  onView: (listener: (view: AppView) => void) => () => void,
  window: ViewSink,
  onError: (error: unknown) => void,
): () => void {
  return onView((view) => {
    const checked = EVENTS.state.safeParse(view);
    if (!checked.success) {
      onError(new Error('a view did not match the contract and was not sent to the window'));
      return;
    }
    window.send(ipcEventName('state'), checked.data);
  });
}
