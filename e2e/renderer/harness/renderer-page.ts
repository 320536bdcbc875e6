// The window of the tray app in Debian's Chromium, wired to the harness the way Electron
// wires it to main: the built renderer is served from the app's origin by main's own
// protocol handler (so its CSP headers apply); `window.stsTray` is made by the built preload
// itself (dist/preload/index.cjs), run in the page over stand-ins for contextBridge and
// ipcRenderer; requests reach main's own ipcMain registration (its sender check, then
// dispatchRequest), and views leave through main's forwardViews (the contract's strict
// check) as 'state' events. Only the transport is swapped: payloads cross as Playwright
// serializes them, as over IPC. Any request to another origin is blocked and recorded: the
// renderer has no business on the network.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REQUEST_CHANNELS, ipcRequestName, type RequestChannel } from '../../../electron/contract/channels.js';
import type { Result } from '../../../electron/contract/result.js';
import type { AppView } from '../../../electron/contract/views.js';
import { dispatchRequest } from '../../../electron/app/ipc-dispatch.js';
import { forwardViews, registerIpcHandlers, type IpcMainLike } from '../../../electron/main/ipc-registration.js';
import { TIME_ZONE, type AppHarness } from './app-harness.js';
import { PAGE_ENTRY, PAGE_ORIGIN, appUrlOf, checkRendererBuilt, serveApp } from './app-server.js';

const BINDING = '__stsTrayInvoke';
const EVENT = 'sts-tray-harness:event';
const PRELOAD_BUNDLE = fileURLToPath(new URL('../../../dist/preload/index.cjs', import.meta.url));
/** The window's webContents id: main answers requests from it only. */
const WINDOW_ID = 1;

type IpcListener = Parameters<IpcMainLike['handle']>[1];

/** Chromium as the e2e suites may run it here: no sandbox, GPU or background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.STS_TRAY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--headless',
    ],
  });
}

export interface RendererPageOptions {
  /** navigator.language, which the renderer uses until main's first view arrives. */
  readonly locale?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** One request the renderer made and what it got back, as it crossed the bridge. */
export interface Exchange {
  readonly channel: RequestChannel;
  readonly payload: unknown;
  readonly result: Result<unknown>;
}

export interface RendererPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every request and answer that crossed the bridge. */
  readonly exchanges: Exchange[];
  /** Every view pushed to the page, as JSON text (what went over the wire). */
  readonly pushed: string[];
  /** Requests to anything but the app's origin (blocked). */
  readonly foreignRequests: string[];
  /** Uncaught exceptions and console errors (CSP violations land here). */
  readonly problems: string[];
  /** The response headers of the page itself (the CSP), once open. */
  documentHeaders(): Record<string, string>;
  /** Loads the renderer and waits for the first view to be shown. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function openRendererPage(
  browser: Browser,
  harness: AppHarness,
  options: RendererPageOptions = {},
): Promise<RendererPage> {
  checkRendererBuilt();
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: TIME_ZONE,
    viewport: options.viewport ?? { width: 960, height: 760 },
    reducedMotion: 'reduce',
  });
  const exchanges: Exchange[] = [];
  const pushed: string[] = [];
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  let documentHeaders: Record<string, string> = {};

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== PAGE_ORIGIN) {
      foreignRequests.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const response = await serveApp(url, route.request().method());
    await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
  });

  // Main's side of IPC, registered as main registers it.
  const ipcHandlers = new Map<string, IpcListener>();
  const unregister = registerIpcHandlers({
    ipcMain: {
      handle: (name, listener) => void ipcHandlers.set(name, listener),
      removeHandler: (name) => void ipcHandlers.delete(name),
    },
    handlers: harness.controller.handlers,
    dispatch: (handlers, channel, payload) => harness.track(dispatchRequest(handlers, channel, payload)),
    windowContentsId: () => WINDOW_ID,
  });
  // ipcRenderer.invoke's transport: the page's call arrives with the frame it came from.
  await context.exposeBinding(BINDING, async (source, name: unknown, payload: unknown) => {
    const listener = typeof name === 'string' ? ipcHandlers.get(name) : undefined;
    // As in Electron, a name nobody handles rejects (the preload turns that into a Result).
    if (!listener) throw new Error(`No handler registered for '${String(name)}'`);
    const answer = await listener(
      {
        sender: { id: source.page === page ? WINDOW_ID : WINDOW_ID + 1 },
        senderFrame: { url: appUrlOf(source.frame.url()), parent: source.frame.parentFrame() },
      },
      payload,
    );
    exchanges.push({ channel: requestChannelOf(name as string), payload, result: answer });
    return answer;
  });
  await context.addInitScript({ content: preloadScript() });

  // A scenario waits for what a person would see; ten seconds without it is a failure.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  // The window's clock moves with main's: in Electron both follow the machine's clock, here
  // both follow virtual time (Playwright's clock, flowing naturally between our jumps). The
  // page is moved to a view's moment before it gets the view, so its countdowns, which add
  // the page's own ticking to main's "now", stay in step however far a test moves time.
  let loaded = false;
  let clockAt = 0;
  const follow = async (virtualNow: number) => {
    if (!loaded || virtualNow <= clockAt) return;
    const jump = virtualNow - clockAt;
    clockAt = virtualNow;
    await page.clock.fastForward(jump);
  };
  // Views go to the page in the order the controller made them, one at a time.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>) => {
    queue = queue.then(step).catch((error: unknown) => {
      if (!page.isClosed()) problems.push(`bridge: ${String(error)}`);
    });
    return queue;
  };
  // Main's view path: forwardViews checks each view against the contract, then sends it.
  const send = (channel: string, payload: unknown): boolean => {
    if (!loaded) return false;
    const json = JSON.stringify(payload);
    pushed.push(json);
    void enqueue(async () => {
      // The contract's check has just passed: this is an AppView.
      await follow((payload as AppView).now);
      await page.evaluate(deliver, { event: EVENT, channel, json });
    });
    return true;
  };
  const stopViews = forwardViews((listener) => harness.controller.onView(listener), { send }, (error) =>
    problems.push(`view: ${String(error)}`),
  );
  harness.addSettler(() => enqueue(() => follow(harness.time.now())));

  return {
    page,
    context,
    exchanges,
    pushed,
    foreignRequests,
    problems,
    documentHeaders: () => documentHeaders,
    async open() {
      clockAt = harness.time.now();
      await page.clock.install({ time: clockAt });
      loaded = true;
      const response = await page.goto(PAGE_ENTRY);
      documentHeaders = (await response?.allHeaders()) ?? {};
      // The renderer asks for the view itself ('state:get'); wait until it shows the answer.
      await page.waitForFunction(
        () => (document.querySelector('#root')?.childElementCount ?? 0) > 0 && !document.querySelector('[data-testid="loading"]'),
      );
      await harness.settle();
    },
    async close() {
      stopViews();
      unregister();
      loaded = false;
      await context.close();
    },
  };
}

/** The channel a wire name stands for (only the contract's names are registered). */
function requestChannelOf(name: string): RequestChannel {
  const channel = REQUEST_CHANNELS.find((c) => ipcRequestName(c) === name);
  if (!channel) throw new Error(`not a request channel on the wire: ${name}`);
  return channel;
}

let preloadBundle: string | null = null;

/**
 * The init script: the built preload, wrapped as CommonJS over the stand-ins installPreload
 * makes. It is written into the script's source, not evaluated from a string, because the
 * page's CSP (rightly) forbids eval.
 */
function preloadScript(): string {
  if (preloadBundle === null) {
    if (!existsSync(PRELOAD_BUNDLE)) throw new Error(`${PRELOAD_BUNDLE} is missing: run \`npm run build\` first`);
    preloadBundle = readFileSync(PRELOAD_BUNDLE, 'utf8');
  }
  const args = JSON.stringify({ binding: BINDING, event: EVENT });
  return `(${installPreload.toString()})(${args}, function (require, module, exports) {\n${preloadBundle}\n});\n`;
}

type CommonJsBody = (require: (name: string) => unknown, module: { exports: unknown }, exports: unknown) => void;

/**
 * Runs in the page before any of its scripts: runs the preload over an 'electron' that has
 * just what a sandboxed preload gets, a contextBridge and an ipcRenderer.
 */
function installPreload(args: { binding: string; event: string }, preload: CommonJsBody): void {
  const globals = window as unknown as Record<string, unknown>;
  // Kept here and taken off the page, as contextBridge keeps ipcRenderer out of its reach.
  const binding = globals[args.binding];
  if (typeof binding === 'function') delete globals[args.binding];
  type Listener = (event: unknown, payload: unknown) => void;
  const handlers = new Map<Listener, (e: Event) => void>();
  const ipcRenderer = {
    invoke: (channel: string, payload: unknown): Promise<unknown> =>
      typeof binding === 'function'
        ? (binding as (c: string, p: unknown) => Promise<unknown>)(channel, payload)
        : Promise.reject(new Error('the sts-tray bridge is not installed')),
    on(channel: string, listener: Listener): void {
      const handler = (e: Event) => {
        const detail = (e as CustomEvent<{ channel: string; json: string }>).detail;
        // Electron passes its IpcRendererEvent first; the preload must drop it.
        if (detail.channel === channel) listener({ sender: ipcRenderer }, JSON.parse(detail.json));
      };
      handlers.set(listener, handler);
      window.addEventListener(args.event, handler);
    },
    removeListener(_channel: string, listener: Listener): void {
      const handler = handlers.get(listener);
      handlers.delete(listener);
      if (handler) window.removeEventListener(args.event, handler);
    },
  };
  const contextBridge = {
    // The page gets a frozen object it cannot redefine, as contextBridge gives it a copy.
    exposeInMainWorld(key: string, api: object): void {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
    },
  };
  const module = { exports: {} as unknown };
  preload(
    (name) => {
      if (name === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`a sandboxed preload cannot require '${name}'`);
    },
    module,
    module.exports,
  );
}

/** Runs in the page: hands one event to the listeners registered through ipcRenderer.on. */
function deliver(args: { event: string; channel: string; json: string }): void {
  window.dispatchEvent(new CustomEvent(args.event, { detail: { channel: args.channel, json: args.json } }));
}
