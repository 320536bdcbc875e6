import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, ipcEventName, ipcRequestName } from '../contract/channels.js';
import { ok, type Result } from '../contract/result.js';
import type { AppView } from '../contract/views.js';
import { dispatchRequest } from '../app/ipc-dispatch.js';
import { forwardViews, registerIpcHandlers, type Dispatch, type InvokeEventLike, type IpcMainLike } from './ipc-registration.js';
import type { RequestHandlers } from '../app/shell-ports.js';
import { appView, liveRole } from '../app/testing/app-view-fixture.js';

type Listener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

class RecordingIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, payload: unknown): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, payload);
  }
}

const WINDOW_ID = 7;
const fromWindow = (overrides: Partial<InvokeEventLike> = {}): InvokeEventLike => ({
  sender: { id: WINDOW_ID },
  senderFrame: { url: 'app://sts-tray/index.html', parent: null },
  ...overrides,
});

/** Handlers that must not run in these tests: every call is recorded. */
const unreachable = (calls: string[]) =>
  new Proxy({} as RequestHandlers, {
    get: (_target, channel: string) => (request: unknown) => {
      calls.push(`${channel} ${JSON.stringify(request)}`);
      return Promise.resolve({});
    },
  });

function setUp(windowId: number | null = WINDOW_ID) {
  const ipcMain = new RecordingIpcMain();
  const dispatched: unknown[][] = [];
  const handlerCalls: string[] = [];
  const refused: string[] = [];
  const handlers = unreachable(handlerCalls);
  const dispatch: Dispatch = (h, channel, payload) => {
    dispatched.push([h === handlers, channel, payload]);
    return Promise.resolve(ok({ echoed: channel }));
  };
  const unregister = registerIpcHandlers({
    ipcMain,
    handlers,
    dispatch,
    windowContentsId: () => windowId,
    onRefused: (channel, reason) => refused.push(`${channel}: ${reason}`),
  });
  return { ipcMain, dispatched, handlerCalls, refused, unregister, handlers };
}

describe('registerIpcHandlers', () => {
  it('registers a handler for every contract request channel under its wire name, and removes them all', () => {
    const { ipcMain, unregister } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(REQUEST_CHANNELS.map(ipcRequestName).sort());
    expect([...ipcMain.handlers.keys()]).toContain('sts-tray:state:get');
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it.each(REQUEST_CHANNELS)('%s: a request from our window goes to dispatchRequest with the controller handlers', async (channel) => {
    const { ipcMain, dispatched } = setUp();
    const result = await ipcMain.invoke(ipcRequestName(channel), fromWindow(), { some: 'payload' });
    expect(result).toEqual({ ok: true, value: { echoed: channel } });
    expect(dispatched).toEqual([[true, channel, { some: 'payload' }]]);
  });

  it.each([
    ['no sender frame', fromWindow({ senderFrame: null }), 'no sender frame'],
    ['a subframe of our window', fromWindow({ senderFrame: { url: 'app://sts-tray/index.html', parent: {} } }), 'a subframe'],
    ['another origin in our window', fromWindow({ senderFrame: { url: 'https://evil.example/', parent: null } }), 'another origin'],
    ['a file:// page', fromWindow({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }), 'another origin'],
    ['a look-alike host', fromWindow({ senderFrame: { url: 'app://sts-tray.evil/index.html', parent: null } }), 'another origin'],
    ['another webContents', fromWindow({ sender: { id: WINDOW_ID + 1 } }), 'not our window'],
  ])('refuses %s with forbidden-sender, without reaching the controller', async (_name, event, reason) => {
    const { ipcMain, dispatched, handlerCalls, refused } = setUp();
    const result = await ipcMain.invoke(ipcRequestName('session:sign-out'), event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatched).toEqual([]);
    expect(handlerCalls).toEqual([]);
    expect(refused).toEqual([expect.stringContaining(reason)]);
  });

  it('refuses everything while there is no window', async () => {
    const { ipcMain, dispatched } = setUp(null);
    const result = await ipcMain.invoke(ipcRequestName('state:get'), fromWindow(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatched).toEqual([]);
  });

  it('a senderFrame getter that throws (a destroyed frame) is a refusal, not a crash', async () => {
    const { ipcMain } = setUp();
    const event = {
      sender: { id: WINDOW_ID },
      get senderFrame(): InvokeEventLike['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await ipcMain.invoke(ipcRequestName('state:get'), event, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('a dispatch that throws still answers with a Result', async () => {
    const ipcMain = new RecordingIpcMain();
    registerIpcHandlers({
      ipcMain,
      handlers: unreachable([]),
      dispatch: () => Promise.reject(new Error('bug')),
      windowContentsId: () => WINDOW_ID,
    });
    expect(await ipcMain.invoke(ipcRequestName('state:get'), fromWindow(), {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('with the real dispatchRequest: malformed payloads and __proto__ keys are refused before any handler runs', async () => {
    const ipcMain = new RecordingIpcMain();
    const calls: string[] = [];
    registerIpcHandlers({ ipcMain, handlers: unreachable(calls), dispatch: dispatchRequest, windowContentsId: () => WINDOW_ID });
    const name = ipcRequestName('exports:copy');
    expect(await ipcMain.invoke(name, fromWindow(), { format: 'zsh' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await ipcMain.invoke(name, fromWindow(), JSON.parse('{"format":"bash","__proto__":{"x":1}}'))).toMatchObject({ ok: false });
    expect(await ipcMain.invoke(name, fromWindow(), 'x'.repeat(10_000_000))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });
});

describe('forwardViews', () => {
  function setUpViews() {
    const listeners = new Set<(view: AppView) => void>();
    const sent: [string, unknown][] = [];
    const errors: unknown[] = [];
    const off = forwardViews(
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      { send: (channel, payload) => (sent.push([channel, payload]), true) },
      (e) => errors.push(e),
    );
    const push = (view: AppView) => listeners.forEach((l) => l(view));
    return { sent, errors, off, push };
  }

  it('sends every view to the window as the state event', () => {
    const { sent, push } = setUpViews();
    const view = appView({ roles: [liveRole('tes', 'tes', { active: true })] });
    push(view);
    push({ ...view, now: view.now + 60_000 });
    expect(sent.map(([channel]) => channel)).toEqual([ipcEventName('state'), ipcEventName('state')]);
    expect(sent[0]?.[1]).toEqual(view);
  });

  it('never sends a view carrying a field the contract does not name (a secret, by some bug)', () => {
    const { sent, errors, push } = setUpViews();
    const leaky = { ...appView(), secretAccessKey: 'fake-secret-leak' } as AppView;
    push(leaky);
    expect(sent).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).not.toContain('fake-secret');
  });

  it('stops when unsubscribed', () => {
    const { sent, off, push } = setUpViews();
    off();
    push(appView());
    expect(sent).toEqual([]);
  });
});
