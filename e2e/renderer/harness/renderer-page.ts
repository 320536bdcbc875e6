// The bridge between Debian's Chromium and the harness: the built renderer is served from
// the app's origin by main's own protocol handler (so its CSP headers apply), `window.stsTray`
// is defined with exactly `invoke` and `on` as the preload does, requests go to the same
// dispatchRequest main's ipcMain handler calls, and every view the controller publishes is
// pushed to the page as a 'state' event. Payloads cross as JSON, as over IPC. Any request
// to another origin is blocked and recorded: the renderer has no business on the network.

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { EVENT_CHANNELS } from '../../../electron/contract/channels.js';
import { fail, type Result } from '../../../electron/contract/result.js';
import type { AppView } from '../../../electron/contract/views.js';
import { dispatchRequest } from '../../../electron/main/ipc-dispatch.js';
import { TIME_ZONE, type AppHarness } from './app-harness.js';
import { PAGE_ENTRY, PAGE_ORIGIN, checkRendererBuilt, serveApp } from './app-server.js';

const BINDING = '__stsTrayInvoke';
const EVENT = 'sts-tray-harness:event';

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
  readonly channel: unknown;
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

  await context.exposeBinding(BINDING, async (source, channel: unknown, payload: unknown) => {
    // As main checks the sender's frame: only the app's own top-level page may ask.
    const frameUrl = source.frame.url();
    const fromApp = source.frame === source.page.mainFrame() && frameUrl.startsWith(`${PAGE_ORIGIN}/`);
    const result = fromApp
      ? await harness.track(dispatchRequest(harness.controller.handlers, channel, jsonCopy(payload)))
      : fail('forbidden-sender', 'this request did not come from the sts-tray window');
    const answer = jsonCopy(result) as Result<unknown>;
    exchanges.push({ channel, payload: jsonCopy(payload), result: answer });
    return answer;
  });
  await context.addInitScript(installBridge, { binding: BINDING, event: EVENT, events: [...EVENT_CHANNELS] });

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
  const push = (view: AppView) => {
    if (!loaded) return;
    const wire = JSON.stringify(view);
    pushed.push(wire);
    void enqueue(async () => {
      await follow(view.now);
      await page.evaluate(deliver, { event: EVENT, channel: 'state', json: wire });
    });
  };
  const unsubscribe = harness.controller.onView(push);
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
      unsubscribe();
      loaded = false;
      await context.close();
    },
  };
}

/** Runs in the page before any of its scripts, like the preload: defines `window.stsTray`. */
function installBridge(args: { binding: string; event: string; events: string[] }): void {
  const globals = window as unknown as Record<string, unknown>;
  // Kept here and taken off the page, as contextBridge keeps ipcRenderer out of its reach.
  const binding = globals[args.binding];
  if (typeof binding === 'function') delete globals[args.binding];
  const send = (channel: unknown, payload: unknown): Promise<unknown> => {
    if (typeof binding !== 'function') return Promise.reject(new Error('the sts-tray bridge is not installed'));
    return (binding as (c: unknown, p: unknown) => Promise<unknown>)(channel, payload);
  };
  const api = Object.freeze({
    invoke: (channel: unknown, payload: unknown): Promise<unknown> => send(channel, payload),
    on: (event: unknown, listener: unknown): (() => void) => {
      if (typeof event !== 'string' || !args.events.includes(event)) throw new TypeError(`unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('the listener must be a function');
      const handler = (e: Event) => {
        const detail = (e as CustomEvent<{ channel: string; json: string }>).detail;
        if (detail.channel === event) (listener as (payload: unknown) => void)(JSON.parse(detail.json));
      };
      window.addEventListener(args.event, handler);
      return () => window.removeEventListener(args.event, handler);
    },
  });
  Object.defineProperty(window, 'stsTray', { value: api, enumerable: true, configurable: false, writable: false });
}

/** Runs in the page: hands one event to the listeners registered through `on`. */
function deliver(args: { event: string; channel: string; json: string }): void {
  window.dispatchEvent(new CustomEvent(args.event, { detail: { channel: args.channel, json: args.json } }));
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
