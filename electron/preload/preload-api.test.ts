import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, ipcEventName, ipcRequestName, type RequestChannel } from '../contract/channels.js';
import { ok } from '../contract/result.js';
import { createPreloadApi, type IpcRendererLike } from './preload-api.js';

/** An ipcRenderer stand-in: records invokes, answers from a script, emits events like Electron. */
class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  invoked: [string, unknown][] = [];
  answer: (channel: string) => Promise<unknown> = (channel) => Promise.resolve(ok({ from: channel }));
  invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invoked.push([channel, payload]);
    return this.answer(channel);
  }
  /** Main sends an event: Electron passes its IpcRendererEvent first. */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, payload);
  }
}

describe('createPreloadApi', () => {
  it('exposes exactly invoke and on', () => {
    expect(Object.keys(createPreloadApi(new FakeIpcRenderer())).sort()).toEqual(['invoke', 'on']);
  });

  it.each(REQUEST_CHANNELS)('invoke(%s) goes to main under the prefixed wire name with the payload as is', async (channel) => {
    const ipc = new FakeIpcRenderer();
    const result = await createPreloadApi(ipc).invoke(channel, {} as never);
    expect(ipc.invoked).toEqual([[ipcRequestName(channel), {}]]);
    expect(result).toEqual(ok({ from: ipcRequestName(channel) }));
  });

  it.each(['secrets:dump', '__proto__', 'constructor', 'state', '', 42, null])(
    'invoke(%s) (not a request channel) resolves to bad-request without reaching main',
    async (channel) => {
      const ipc = new FakeIpcRenderer();
      const result = await createPreloadApi(ipc).invoke(channel as RequestChannel, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('a rejected invoke (main unreachable) still resolves to a Result', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = () => Promise.reject(new Error("No handler registered for 'sts-tray:state:get'"));
    const result = await createPreloadApi(ipc).invoke('state:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('on(state) hands the listener the payload only, never the IpcRendererEvent', () => {
    const ipc = new FakeIpcRenderer();
    const received: unknown[][] = [];
    createPreloadApi(ipc).on('state', (...args: unknown[]) => received.push(args));
    ipc.deliver(ipcEventName('state'), { now: 1 });
    expect(received).toEqual([[{ now: 1 }]]);
  });

  it('the returned function unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const received: unknown[] = [];
    const off = createPreloadApi(ipc).on('state', (view) => received.push(view));
    off();
    ipc.deliver(ipcEventName('state'), { now: 2 });
    expect(received).toEqual([]);
    expect(ipc.listenerCount(ipcEventName('state'))).toBe(0);
  });

  it('on() refuses events outside the contract and non-function listeners', () => {
    const api = createPreloadApi(new FakeIpcRenderer());
    expect(() => api.on('sts-tray:state:get' as 'state', () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('__proto__' as 'state', () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('state', 'alert(1)' as unknown as () => void)).toThrow(/function/);
  });
});
