import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AppView } from '../contract/views.js';
import { flush } from '../core/testing/virtual-time.js';
import { appView, liveRole, roleView } from './testing/app-view-fixture.js';
import { trayIconName } from './tray-icon-name.js';
import type { TrayIconEnv, TrayIconState } from './tray-status.js';
import { clockTime } from '../core/time.js';
import { TrayPresenter, type MenuEntry, type TrayActions, type ViewSource } from './tray-presenter.js';
import { RecordingTray } from './testing/recording-ports.js';

class StandInController implements TrayActions, ViewSource {
  calls: string[] = [];
  listeners = new Set<(view: AppView) => void>();
  confirmSwitch = true;
  failNext: Error | null = null;
  constructor(public current: AppView) {}
  view(): Promise<AppView> {
    return Promise.resolve(this.current);
  }
  onView(listener: (view: AppView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  push(view: AppView): void {
    this.current = view;
    for (const l of this.listeners) l(view);
  }
  private record(call: string): Promise<void> {
    this.calls.push(call);
    const failure = this.failNext;
    this.failNext = null;
    return failure ? Promise.reject(failure) : Promise.resolve();
  }
  switchRole(role: string): Promise<void> {
    return this.record(`switchRole ${role}`);
  }
  openActiveConsole(): Promise<void> {
    return this.record('openActiveConsole');
  }
  rotateKeyNow(identity: string): Promise<void> {
    return this.record(`rotateKeyNow ${identity}`);
  }
  copyExports(format: string): Promise<void> {
    return this.record(`copyExports ${format}`);
  }
  renewNow(): Promise<void> {
    return this.record('renewNow');
  }
  signOutAll(): Promise<void> {
    return this.record('signOutAll');
  }
  signInSso(identity: string): Promise<void> {
    return this.record(`signInSso ${identity}`);
  }
}

const fakeIconName = (env: TrayIconEnv, state: TrayIconState): string => `tray-${env ?? 'none'}-${state}.png`;

function setUp(view: AppView, iconName = fakeIconName, assetsDir = '/app/assets') {
  const tray = new RecordingTray();
  const controller = new StandInController(view);
  const shell: string[] = [];
  const errors: unknown[] = [];
  const presenter = new TrayPresenter({
    tray,
    controller,
    showWindow: () => shell.push('showWindow'),
    quit: () => shell.push('quit'),
    iconPath: (env, state) => `${assetsDir}/${iconName(env, state)}`,
    formatTime: clockTime('UTC'),
    onError: (error) => errors.push(error),
  });
  return { tray, controller, shell, errors, presenter };
}

const labelsOf = (entries: readonly MenuEntry[]) => entries.map((e) => ('label' in e ? e.label : '—'));
const fleet = () => [liveRole('tes', 'tes', { active: true }), roleView('prd', 'prd')];

describe('TrayPresenter', () => {
  it('shows the current view on attach: icon from the assets dir, tooltip and menu', async () => {
    const { tray, presenter } = setUp(appView({ roles: [liveRole('prd', 'prd', { active: true })] }));
    presenter.attach();
    await flush();
    expect(tray.images).toEqual([join('/app/assets', 'tray-prd-ok.png')]);
    expect(tray.tooltips).toEqual(['PRD · prd · 42 min left']);
    expect(labelsOf(tray.menu).slice(0, 2)).toEqual(['prd · prd', 'expires 12:42 · renews in 37 min']);
  });

  it('refreshes on every view the controller sends, and only touches what changed', async () => {
    const { tray, controller, presenter } = setUp(appView({ roles: fleet() }));
    presenter.attach();
    await flush();
    const view = controller.current;
    controller.push({ ...view, now: view.now + 30_000 });
    expect(tray.tooltips.at(-1)).toBe('TES · tes · 41 min left');
    expect(labelsOf(tray.menu)[1]).toBe('expires 12:42 · renews in 36 min');
    expect(tray.images).toHaveLength(1);

    const menus = tray.menus.length;
    controller.push({ ...view, now: view.now + 40_000 });
    expect(tray.menus).toHaveLength(menus);

    controller.push({ ...view, roles: [liveRole('tes', 'tes', { active: true, status: 'renewing' }), roleView('prd', 'prd')] });
    expect(tray.images.at(-1)).toBe(join('/app/assets', 'tray-tes-renewing.png'));
  });

  it.each([
    ['prd', 'switchRole prd'],
    ['bash / zsh', 'copyExports bash'],
    ['fish', 'copyExports fish'],
    ['PowerShell', 'copyExports pwsh'],
    ['cmd', 'copyExports cmd'],
    ['dotenv', 'copyExports dotenv'],
    ['Renew now', 'renewNow'],
    ['Sign out of all', 'signOutAll'],
  ])('clicking "%s" calls controller.%s', async (label, call) => {
    const { tray, controller, presenter } = setUp(appView({ roles: fleet() }));
    presenter.attach();
    await flush();
    tray.click(label);
    await flush();
    expect(controller.calls).toEqual([call]);
  });

  it('"Open sts-tray…" shows the window and "Quit" quits, without the controller', async () => {
    const { tray, controller, shell, presenter } = setUp(appView({ roles: fleet() }));
    presenter.attach();
    await flush();
    tray.click('Open sts-tray…');
    tray.click('Quit');
    expect(shell).toEqual(['showWindow', 'quit']);
    expect(controller.calls).toEqual([]);
  });

  it('rebuilds the menu after a role click even when no view follows (a declined prd switch), so the tick goes back', async () => {
    const { tray, presenter } = setUp(appView({ roles: fleet() }));
    presenter.attach();
    await flush();
    const before = tray.menus.length;
    tray.click('prd');
    await flush();
    expect(tray.menus).toHaveLength(before + 1);
    expect(tray.menu.find((e) => e.type === 'checkbox' && e.checked)).toMatchObject({ label: 'tes — 42 min left' });
  });

  it('a click on "Sign in to myco…" starts that IAM Identity Center sign-in', async () => {
    const sso = { name: 'myco', startUrl: 'https://myco.awsapps.com/start', region: 'ap-northeast-1', roleRegion: null, signInEndsAt: null };
    const { tray, controller, presenter } = setUp(appView({ roles: fleet(), ssoIdentities: [sso] }));
    presenter.attach();
    await flush();
    const entry = tray.menu.find((e) => 'label' in e && e.label === 'Sign in to myco…');
    if (!entry || entry.type !== 'normal') throw new Error('no sign-in entry');
    entry.click?.();
    await flush();
    expect(controller.calls).toEqual(['signInSso myco']);
  });

  it('reports a failed action instead of leaving an unhandled rejection', async () => {
    const { tray, controller, errors, presenter } = setUp(appView({ roles: fleet() }));
    presenter.attach();
    await flush();
    controller.failNext = new Error('boom');
    tray.click('Renew now');
    await flush();
    expect(errors).toEqual([new Error('boom')]);
  });

  it('stops following views after detaching', async () => {
    const { tray, controller, presenter } = setUp(appView({ roles: fleet() }));
    const detach = presenter.attach();
    await flush();
    detach();
    controller.push(appView({ roles: [liveRole('prd', 'prd', { active: true })] }));
    expect(tray.tooltips).toEqual(['TES · tes · 42 min left']);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('%s: with the real icon names, every icon the tray is given exists in assets/', async (platform) => {
    const assets = fileURLToPath(new URL('../../assets/', import.meta.url));
    const { tray, controller, presenter } = setUp(appView({ roles: fleet() }), (env, state) => trayIconName(env, state, platform), assets);
    presenter.attach();
    await flush();
    controller.push(appView({ roles: [liveRole('prd', 'prd', { active: true, status: 'renewing' })] }));
    controller.push(appView({ roles: [liveRole('stg', 'stg', { active: true, status: 'needs-mfa' })] }));
    controller.push(appView({ roles: [roleView('tes', 'tes', { status: 'failed' })] }));
    expect(tray.images).toHaveLength(4);
    for (const image of tray.images) expect(existsSync(image), image).toBe(true);
    if (platform === 'darwin') expect(tray.images[1]).toMatch(/tray-prd-renewing\.png$/);
  });
});
