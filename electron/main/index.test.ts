// The composition root run for real in Node, over a recording 'electron' (the binary cannot
// run here): the real core, adapters and controller on temp files, the shell modules wired
// as index.ts wires them. It checks the wiring, not the modules (each has its own tests).

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS, ipcEventName, ipcRequestName } from '../contract/channels.js';
import { preferencesSchema } from '../contract/config-schema.js';
import { flush } from '../core/testing/virtual-time.js';
import { RENDERER_URL } from './app-protocol.js';
import { app, recorded, type FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', async () => (await import('./testing/fake-electron.js')).fakeElectron);

let home: string;
let markerAtStart = false;
/** What Electron passes a window-open handler for `window.open('https://evil.example/')`. */
const POPUP = { url: 'https://evil.example/', frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' }, postBody: undefined } as unknown as Electron.HandlerDetails;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sts-tray-index-'));
  // Everything the app would touch in the user's home goes to the temp folder.
  vi.stubEnv('HOME', home);
  vi.stubEnv('STS_TRAY_HOME', join(home, 'app'));
  vi.stubEnv('XDG_CONFIG_HOME', join(home, 'xdg'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(home, 'aws', 'credentials'));
  vi.stubEnv('AWS_CONFIG_FILE', join(home, 'aws', 'config'));
  vi.stubEnv('STS_TRAY_KEYCHAIN_SERVICE', 'sts-tray-test-index');
  vi.stubEnv('STS_TRAY_E2E', '1');
  // The login launch: the window stays closed until a test opens it.
  process.argv.push('--hidden');
  await import('./index.js');
});

afterAll(async () => {
  process.argv.splice(process.argv.indexOf('--hidden'), 1);
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

const fromWindow = (window: FakeBrowserWindow) => ({
  sender: { id: window.webContents.id },
  senderFrame: { url: RENDERER_URL, parent: null },
});
const invoke = (channel: string, event: unknown, payload: unknown) => {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, payload);
};
const trayLabels = () => {
  const menu = recorded.trays[0]?.menu as { template: { label?: string }[] } | null;
  return menu?.template.map((i) => i.label ?? '—') ?? [];
};

describe('index.ts (the composition root)', () => {
  it('registers the app:// scheme before ready, and nothing else happens before ready', () => {
    expect(recorded.calls).toEqual(['registerSchemesAsPrivileged']);
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(recorded.ipcHandlers.size).toBe(0);
  });

  it('on ready: protocol, IPC for every channel, a tray showing the empty state', async () => {
    app.becomeReady();
    await flush();
    expect(recorded.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'ready', 'protocol.handle app']);
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(REQUEST_CHANNELS.map(ipcRequestName).sort());
    expect(recorded.trays).toHaveLength(1);
    const image = (recorded.trays[0]?.image as { path: string }).path;
    expect(existsSync(image)).toBe(true);
    expect(recorded.trays[0]?.tooltip).toBe('sts-tray: no active role');
    expect(trayLabels()).toEqual(['No roles yet: open sts-tray to add an identity', '—', 'Open sts-tray…', '—', 'Quit']);
    expect(recorded.exitCodes).toEqual([]);
    await vi.waitFor(() => expect(existsSync(join(home, 'app', 'running'))).toBe(true));
    markerAtStart = true;
  });

  it('the protocol handler refuses traversal', async () => {
    const handler = recorded.protocolHandlers.get('app');
    const response = await handler?.({ url: 'app://sts-tray/../../etc/passwd', method: 'GET' });
    expect(response?.status).toBe(404);
  });

  it('IPC is refused while no window exists, then answered for the window "Open sts-tray…" makes', async () => {
    const stranger = { sender: { id: 1 }, senderFrame: { url: RENDERER_URL, parent: null } };
    expect(await invoke(ipcRequestName('state:get'), stranger, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });

    (globalThis as { __stsTrayTest?: { showWindow(): void } }).__stsTrayTest?.showWindow();
    const window = recorded.windows[0] as FakeBrowserWindow;
    expect(window.loaded).toEqual([RENDERER_URL]);
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.webContents.openHandler?.(POPUP)).toEqual({ action: 'deny' });

    const state = await invoke(ipcRequestName('state:get'), fromWindow(window), {});
    expect(state).toMatchObject({ ok: true, value: { roles: [], activeRole: null, configError: null } });
    expect(await invoke(ipcRequestName('state:get'), stranger, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('a change made through IPC reaches the window as a state event and the tray in the new language', async () => {
    const window = recorded.windows[0] as FakeBrowserWindow;
    const preferences = preferencesSchema.parse({ language: 'ja' });
    expect(await invoke(ipcRequestName('preferences:set'), fromWindow(window), { preferences })).toMatchObject({ ok: true });
    await flush();
    const states = window.webContents.sent.filter(([channel]) => channel === ipcEventName('state'));
    expect(states.at(-1)?.[1]).toMatchObject({ preferences: { language: 'ja' } });
    expect(recorded.trays[0]?.tooltip).toBe('sts-tray: 使用中のロールはありません');
    expect(trayLabels().at(-1)).toBe('終了');
  });

  it('quitting waits for the controller to shut down, then quits for real', async () => {
    app.quit();
    expect(recorded.calls.at(-1)).toBe('app.quit');
    await vi.waitFor(() => expect(recorded.calls.at(-1)).toBe('app exited'));
    expect(recorded.calls.slice(-3)).toEqual(['app.quit', 'app.quit', 'app exited']);
    // The clean quit took the run marker away: the next start has nothing to finish.
    expect(existsSync(join(home, 'app', 'running'))).toBe(false);
  });

  it('the run marker exists while the app runs', () => {
    // Checked from the start-up test's side: written before renewal started.
    expect(markerAtStart).toBe(true);
  });
});
