// The `_electron` smoke suite: the built app (dist/main) starts in a real Electron, creates
// its tray, opens its window on the app:// protocol with an isolated renderer, and answers
// one IPC round trip through the preload. It needs the Electron binary, which cannot be
// downloaded on our build machines: there it is skipped, and says so on the console and in
// the suite's name — it never passes without running.
//
// Needs from main, only when STS_TRAY_E2E=1: `globalThis.__stsTrayTest = { tray, showWindow }`
// (Electron has no API to list trays). On Linux run it inside e2e/rig/with-test-keyring.sh
// (as `npm test` does) and with a display (e.g. xvfb-run).

import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS } from '../../electron/contract/channels.js';
import { findElectronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary();
const missing = `Electron binary not present at ${binary.path ?? 'node_modules/electron/dist (node_modules/electron/path.txt is missing: never downloaded)'}`;
if (!binary.present) console.warn(`SKIPPED: ${missing}; the _electron smoke suite did not run`);

/** What main exposes for this suite (see the header). */
interface TestHook {
  tray: { isDestroyed(): boolean };
  showWindow(): void;
}

describe.skipIf(!binary.present)(`_electron smoke suite${binary.present ? '' : ` — SKIPPED: ${missing}`}`, () => {
  let app: ElectronApplication;
  let home: string;
  let page: Page;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'sts-tray-electron-'));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOME: home,
      STS_TRAY_HOME: join(home, 'app'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws', 'credentials'),
      AWS_CONFIG_FILE: join(home, 'aws', 'config'),
      // Its own keychain service: nothing of a real install is read or written.
      STS_TRAY_KEYCHAIN_SERVICE: `sts-tray-test-electron-${process.pid}`,
      STS_TRAY_E2E: '1',
    };
    // Chromium refuses to start as root with its sandbox on (containers); never needed otherwise.
    const args = process.platform === 'linux' && process.getuid?.() === 0 ? [root, '--no-sandbox'] : [root];
    app = await electron.launch({ executablePath: binary.path ?? '', args, env, timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('creates the tray', async () => {
    const tray = await app.evaluate(async () => {
      const deadline = Date.now() + 10_000;
      const hook = (): TestHook | undefined => (globalThis as { __stsTrayTest?: TestHook }).__stsTrayTest;
      while (!hook() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const found = hook();
      return { exposed: found !== undefined, alive: found ? !found.tray.isDestroyed() : false };
    });
    expect(tray.exposed, 'main did not set globalThis.__stsTrayTest with STS_TRAY_E2E=1').toBe(true);
    expect(tray.alive).toBe(true);
  });

  it('opens the window on app:// with an isolated renderer that sees only window.stsTray', async () => {
    await app.evaluate(() => (globalThis as { __stsTrayTest?: TestHook }).__stsTrayTest?.showWindow());
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/sts-tray\//);
    // No Node in the page (nodeIntegration off, context isolated): only what the preload
    // exposes, and exactly the contract's API. (The sandbox and webSecurity settings are
    // checked on the options object in main-window.test.ts: Electron gives no public getter.)
    const pageGlobals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys(window.stsTray).sort(),
    }));
    expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on'] });
  });

  it('answers one IPC round trip through window.stsTray', async () => {
    const result = await page.evaluate(() => window.stsTray.invoke('state:get', {}));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const response = REQUESTS['state:get'].response;
    expect(response.safeParse(result.ok ? result.value : undefined).success).toBe(true);
  });
});
