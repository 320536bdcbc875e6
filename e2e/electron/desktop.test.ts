// Desktop behaviour only a real Electron on a real desktop shows: a copy from the tray with
// no focused window (on Wayland it must land or be reported, never vanish), the run marker
// across a clean quit and across Windows' session end, and a notification the desktop
// accepts. Skipped, and saying so, where there is no Electron binary (our build machines);
// .github/workflows/desktops.yml runs it on Linux (X11 and a headless weston), macOS and
// Windows.

import { _electron as electron, type ElectronApplication } from 'playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary();
const missing = `Electron binary not present at ${binary.path ?? 'node_modules/electron/dist'}`;
if (!binary.present) console.warn(`SKIPPED: ${missing}; the desktop suite did not run`);
const wayland = process.platform === 'linux' && Boolean(process.env.WAYLAND_DISPLAY);

interface Hook {
  clipboard: { writeConcealed(text: string): Promise<'written' | 'refused'> };
  runMarkerPath: string;
}

describe.skipIf(!binary.present)(`desktop suite${binary.present ? '' : ` — SKIPPED: ${missing}`}`, () => {
  let app: ElectronApplication;
  let home: string;

  const launch = async () => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOME: home,
      STS_TRAY_HOME: join(home, 'app'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws', 'credentials'),
      AWS_CONFIG_FILE: join(home, 'aws', 'config'),
      STS_TRAY_KEYCHAIN_SERVICE: `sts-tray-test-desktop-${process.pid}`,
      STS_TRAY_E2E: '1',
    };
    const args = [root, '--hidden', ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    return electron.launch({ executablePath: binary.path ?? '', args, env, timeout: 30_000 });
  };
  /** Waits for main's test hook (set once start-up is done). */
  const waitForHook = () =>
    app.evaluate(async () => {
      const deadline = Date.now() + 10_000;
      while (!(globalThis as { __stsTrayTest?: unknown }).__stsTrayTest && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'sts-tray-desktop-'));
    app = await launch();
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  });

  it('a copy with no focused window lands, or is reported as refused — never silently lost', async () => {
    await waitForHook();
    const outcome = await app.evaluate(() =>
      (globalThis as unknown as { __stsTrayTest: Hook }).__stsTrayTest.clipboard.writeConcealed("export AWS_ACCESS_KEY_ID='ASIAFAKE'"),
    );
    expect(['written', 'refused']).toContain(outcome);
    if (wayland && outcome === 'written') {
      // What the compositor holds, read by another client: the write really landed.
      expect(execFileSync('wl-paste', ['--no-newline'], { encoding: 'utf8' })).toBe(`export AWS_ACCESS_KEY_ID='ASIAFAKE'`);
    }
    if (!wayland) expect(outcome).toBe('written');
  });

  it('a notification is accepted by the desktop (macOS: refused when unsigned, with a reason)', async () => {
    const result = await app.evaluate(({ Notification }) =>
      new Promise<string>((resolve) => {
        if (!Notification.isSupported()) return resolve('unsupported');
        const n = new Notification({ title: 'sts-tray desktop suite', body: 'a test notice' });
        n.on('show', () => resolve('shown'));
        n.on('failed', (_event, error) => resolve(`failed: ${error}`));
        n.show();
        setTimeout(() => resolve(process.platform === 'linux' ? 'shown' : 'no answer'), 5_000);
      }),
    );
    if (process.platform === 'darwin') expect(result).toMatch(/^(shown|failed: .+)$/);
    else expect(result).toBe('shown');
  });

  it('the run marker exists while running; Windows session end and a clean quit run the cleanup', async () => {
    await waitForHook();
    const path = await app.evaluate(() => (globalThis as unknown as { __stsTrayTest: Hook }).__stsTrayTest.runMarkerPath);
    expect(existsSync(path)).toBe(true);
    if (process.platform === 'win32') {
      // What Windows sends at logoff, delivered to the hidden window that listens for it.
      await app.evaluate(({ BrowserWindow }) => {
        for (const window of BrowserWindow.getAllWindows()) if (!window.isVisible()) window.emit('session-end', { reasons: ['logoff'] });
      });
      const deadline = Date.now() + 10_000;
      while (existsSync(path) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(path)).toBe(false);
    }
    await app.close();
    expect(existsSync(path)).toBe(false);
  });
});
