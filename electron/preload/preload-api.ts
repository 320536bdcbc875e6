// window.stsTray, built over an ipcRenderer-like object: exactly the contract's StsTrayApi,
// no more. invoke() only reaches the contract's request channels (prefixed on the wire,
// so nothing else registered on ipcMain is reachable) and always resolves to a Result;
// on() only subscribes to contract events and hands the listener the payload alone,
// never Electron's event object (which carries `sender`, an ipcRenderer).
//
// Bundled as CommonJS for the sandboxed preload: it imports only the contract.

import type { StsTrayApi } from '../contract/api.js';
import { ipcEventName, ipcRequestName, isEventChannel, isRequestChannel, type EventChannel, type RequestChannel } from '../contract/channel-names.js';
import type { EventOf, RequestOf, ResponseOf } from '../contract/channels.js';
import { fail, type Result } from '../contract/result.js';

export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike): StsTrayApi {
  function invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    // The renderer is typed, but whatever runs in it can call this with anything.
    if (!isRequestChannel(channel)) {
      return Promise.resolve(fail('bad-request', `unknown request channel: ${String(channel).slice(0, 64)}`));
    }
    return ipc.invoke(ipcRequestName(channel), payload).then(
      // Main's dispatch checked the response against the channel's schema before sending it.
      (result) => result as Result<ResponseOf<C>>,
      // Main answers every request with a Result; a rejection means it could not be reached.
      () => fail('internal', 'sts-tray could not reach its main process; restart the app if this persists'),
    );
  }

  function on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
    if (!isEventChannel(event)) throw new TypeError(`unknown event: ${String(event).slice(0, 64)}`);
    if (typeof listener !== 'function') throw new TypeError('the listener must be a function');
    const name = ipcEventName(event);
    const forward = (_event: unknown, payload: unknown) => listener(payload as EventOf<E>);
    ipc.on(name, forward);
    return () => {
      ipc.removeListener(name, forward);
    };
  }

  return { invoke, on } satisfies StsTrayApi;
}
