// One browser per test file, a fresh app (temp HOME, keychain service, emulator, virtual
// clock) and a fresh browser context per test. After each test, whatever the scenario, the
// window must have had no script error or CSP violation, made no request off its origin, and
// the shell's modules must have reported no failure.

import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startAppHarness, type AppHarness, type AppHarnessOptions } from './app-harness.js';
import { AppWindow } from './app-window.js';
import { launchChromium, openRendererPage, type RendererPage, type RendererPageOptions } from './renderer-page.js';

export interface OpenApp {
  readonly harness: AppHarness;
  readonly ui: RendererPage;
  readonly app: AppWindow;
}

export interface StartOptions {
  readonly harness?: AppHarnessOptions;
  readonly page?: RendererPageOptions;
  /** Set-up before the window opens (seed.ts). */
  readonly seed?: (harness: AppHarness) => Promise<void>;
}

export interface RendererSuite {
  start(options?: StartOptions): Promise<OpenApp>;
}

export function rendererSuite(): RendererSuite {
  let browser: Browser | null = null;
  const running: OpenApp[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    for (const { harness, ui } of running.splice(0)) {
      const problems = [...ui.problems];
      const foreign = [...ui.foreignRequests];
      const shellErrors = harness.shell.errors.map(String);
      try {
        await ui.close();
      } finally {
        await harness.close();
      }
      expect(problems, 'script errors or CSP violations in the window').toEqual([]);
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(shellErrors, 'failures reported by the shell modules').toEqual([]);
    }
  });

  return {
    async start(options = {}) {
      if (!browser) throw new Error('rendererSuite: the browser is not running (start() outside a test?)');
      const harness = await startAppHarness(options.harness);
      let ui: RendererPage;
      try {
        await options.seed?.(harness);
        ui = await openRendererPage(browser, harness, options.page);
      } catch (error) {
        await harness.close();
        throw error;
      }
      const opened = { harness, ui, app: new AppWindow(ui.page) };
      running.push(opened);
      await ui.open();
      return opened;
    },
  };
}
