// The window where virtual time moves: the countdown and [tes] follow a
// renewal; the MFA-ending notification is recorded and its click opens the prompt in the
// window; copied export lines sit on main's clipboard (never in the window) until the
// preference's delay clears them; the tray menu says what the sessions view says; and a
// session that ends after midnight shows its date, in English and Japanese.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AppView } from '../../electron/contract/views.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { TIME_ZONE, type AppHarness } from './harness/app-harness.js';
import type { AppWindow } from './harness/app-window.js';
import type { RecordingTray } from './harness/recording-shell.js';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { secretsIn, secretsInPlay } from './harness/secret-scan.js';
import { IDENTITY, seedSwitchedTo } from './harness/seed.js';
import { ENVS, USER, assumedRolePattern } from './harness/sts-world.js';

const run = promisify(execFile);
const suite = rendererSuite();
const MINUTE = 60_000;

/** 14:05:09 in the harness's time zone, as the window prints clock times. */
const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', hourCycle: 'h23', timeZone: TIME_ZONE }).format(ms);

/** 2026-12-08, the date in the harness's time zone (UTC). */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An end as the window shows it: the clock time, after the date when that is not today's. */
const end = (at: number, now: number) => (day(at) === day(now) ? clock(at) : `${day(at)} ${clock(at)}`);

/** Moves virtual time to 23:30 in the harness's zone, so that a one-hour session ends tomorrow. */
async function toHalfPastEleven(harness: AppHarness): Promise<void> {
  const now = harness.time.now();
  const today = Date.parse(`${day(now)}T23:30:00Z`);
  await harness.advance((today > now ? today : today + 24 * 60 * MINUTE) - now);
}

/** A fresh hour's countdown: the page's own clock runs on while virtual time stands still. */
const HOUR_LEFT = '(?:1:00:00|0:59:\\d\\d)';

/** "0:59:12" → ms */
function countdownMs(text: string): number {
  const match = /(\d+):(\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`no countdown in "${text}"`);
  const [, h, m, s] = match.map(Number) as [number, number, number, number];
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** The [profile]'s value of `key` in the credentials file. */
function fileValue(credentials: string | null, profile: string, key: string): string {
  const section = (credentials ?? '').split(/^\[/m).find((s) => s.startsWith(`${profile}]`)) ?? '';
  const value = new RegExp(`^${key} = (\\S+)$`, 'm').exec(section)?.[1];
  if (!value) throw new Error(`no ${key} in [${profile}]`);
  return value;
}

async function roleView(harness: AppHarness, name: string): Promise<AppView['roles'][number]> {
  const found = (await harness.controller.view()).roles.find((r) => r.role.name === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
}

describe('as time moves', () => {
  it('the countdown and [tes] follow a renewal; the MFA warning is notified and its click opens the prompt', async () => {
    // A one-hour MFA session: its 15-minute warning comes at 45 min, before the renewal at 54.
    const { harness, app, ui } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes', { mfaSessionSeconds: 3600 }) });
    const { page } = ui;
    const expires = app.session('tes').getByTestId('session-expires');
    const renews = app.session('tes').getByTestId('session-renews');
    const first = await roleView(harness, 'tes');
    const firstKey = fileValue(await harness.readCredentials(), 'tes', 'aws_access_key_id');
    const firstText = await expires.innerText();
    expect(firstText).toMatch(new RegExp(`^Expires in (?:1:00:00|0:5\\d:\\d\\d) \\(at ${end(first.expiresAt ?? 0, harness.time.now())}\\)$`));
    expect(await renews.innerText()).toMatch(/^Renews in 0:5[34]:\d\d$/);

    // 45 min: the MFA session has 15 min left — a notification, nothing in the window yet.
    await harness.advance(45 * MINUTE);
    expect(harness.shell.notifier.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'MFA session ending soon', body: 'MFA session of dev ends in 15 min. Click to enter a new code.' },
    ]);
    expect(await app.mfaDialog.count()).toBe(0);
    expect(harness.shell.windowShown).toEqual([]);

    // Its click brings the window up with the prompt; the device's current code renews the session.
    harness.shell.notifier.shown[0]?.onClick?.();
    await harness.settle();
    expect(harness.shell.windowShown).toHaveLength(1);
    await app.mfaDialog.waitFor();
    expect(await app.mfaDialog.locator('.mfa-reason').innerText()).toBe(
      'The MFA session of dev ends soon. Enter a code to keep your roles renewed.',
    );
    expect(await app.mfaDialog.getByTestId('mfa-device').innerText()).toBe(USER.mfa.serial);
    const mfaEnd = (await harness.controller.view()).identities[0]?.mfaSessionExpiresAt ?? 0;
    await app.typeMfaCode(harness.totp());
    await app.mfaDialog.waitFor({ state: 'detached' });
    await harness.settle();
    const newMfaEnd = (await harness.controller.view()).identities[0]?.mfaSessionExpiresAt ?? 0;
    // STS states expiries in whole seconds and its clock offset comes from a Date header,
    // so the local end may move by up to a second either way.
    expect(Math.abs(newMfaEnd - mfaEnd - 45 * MINUTE)).toBeLessThanOrEqual(1000);
    await poll(() => page.locator(`.mfa-sessions [data-identity="${IDENTITY}"]`).innerText()).toMatch(
      /^MFA session of dev: (?:60|59) min left \(until (?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\)$/,
    );
    expect(await harness.readCredentials()).toContain(firstKey);

    // 55 min: the renewal (at 54) has written new keys into [tes]; the countdown moved with it.
    await harness.advance(10 * MINUTE);
    const renewed = await roleView(harness, 'tes');
    expect(Math.abs((renewed.expiresAt ?? 0) - (first.expiresAt ?? 0) - 54 * MINUTE)).toBeLessThanOrEqual(1000);
    expect(fileValue(await harness.readCredentials(), 'tes', 'aws_access_key_id')).not.toBe(firstKey);
    await poll(() => expires.innerText()).toMatch(new RegExp(`\\(at ${end(renewed.expiresAt ?? 0, harness.time.now())}\\)$`));
    const shown = countdownMs(await expires.innerText());
    expect(Math.abs(shown - ((renewed.expiresAt ?? 0) - harness.time.now()))).toBeLessThan(15_000);
    expect(await expires.innerText()).not.toBe(firstText);
    await app.goTo('activity');
    expect(await page.getByTestId('activity-list').innerText()).toMatch(/Renewed/);
  });

  it('copied export lines reach main’s clipboard, never the window, and are cleared after the preference’s delay', async () => {
    const { harness, app, ui } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
    const { page } = ui;

    // The delay is a preference, set in the window.
    await app.goTo('preferences');
    await page.locator('#pref-clipboardClearSeconds').fill('12');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await poll(async () => (await harness.controller.view()).preferences.clipboardClearSeconds).toBe(12);
    await app.goTo('sessions');

    await app.roleButton('Copy export lines for', 'tes').click();
    const copiedAt = harness.time.now();
    await poll(() => page.getByTestId('session-notice-tes').innerText()).toBe(`Copied — clears at ${clock(copiedAt + 12_000)}`);
    await harness.settle();
    const credentials = await harness.readCredentials();
    const lines = harness.shell.clipboard.text;
    expect(harness.shell.clipboard.writes).toHaveLength(1);
    expect(lines).toContain(`export AWS_ACCESS_KEY_ID='${fileValue(credentials, 'tes', 'aws_access_key_id')}'`);
    expect(lines).toContain(`export AWS_SECRET_ACCESS_KEY='${fileValue(credentials, 'tes', 'aws_secret_access_key')}'`);
    expect(lines).toContain(`export AWS_SESSION_TOKEN='${fileValue(credentials, 'tes', 'aws_session_token')}'`);

    // What was copied works: bash evaluates it and the real AWS CLI is the role, with no profile files.
    const { stdout } = await run('bash', ['-c', 'eval "$LINES" && "$AWS" sts get-caller-identity --endpoint-url "$URL" --output json'], {
      env: {
        PATH: process.env.PATH,
        HOME: harness.home,
        LINES: lines,
        AWS: debianAwsCli(),
        URL: harness.emulator.url,
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
        ...QUIET_AWS_CLI_ENV,
      },
    });
    expect((JSON.parse(stdout) as { Arn: string }).Arn).toMatch(assumedRolePattern('tes'));

    // The window never had them.
    const secrets = await secretsInPlay(harness);
    const seen = [await page.content(), JSON.stringify(ui.exchanges.map((e) => e.result)), ui.pushed.join('\n')].join('\n');
    expect(secretsIn(seen, secrets)).toEqual([]);
    expect(secretsIn(lines, secrets).length).toBeGreaterThanOrEqual(3);

    // Cleared when the delay is up, not before.
    await harness.advance(11_000);
    expect(harness.shell.clipboard.text).toBe(lines);
    await harness.advance(1_000);
    expect(harness.shell.clipboard.text).toBe('');
    expect(harness.shell.clipboard.clears).toEqual([copiedAt + 12_000]);

    // Something the user copied since is left alone.
    await app.roleButton('Copy export lines for', 'tes').click();
    await poll(() => harness.shell.clipboard.writes.length).toBe(2);
    harness.shell.clipboard.userCopies('my own text');
    await harness.advance(12_000);
    expect(harness.shell.clipboard.text).toBe('my own text');
    expect(harness.shell.clipboard.clears).toHaveLength(1);
  });

  it('an end after midnight shows its date, year first, and the MFA session reads in hours and minutes — en and ja', async () => {
    const pages = [
      {
        locale: 'en-US',
        date: (ms: number) => day(ms),
        expires: (date: string, time: string) => `^Expires in ${HOUR_LEFT} \\(at ${date} ${time}\\)$`,
        mfa: (date: string, time: string) => `MFA session of dev: 11 h 59 min left (until ${date} ${time})`,
        today: (time: string) => `(at ${time})`,
      },
      {
        locale: 'ja-JP',
        date: (ms: number) => day(ms).replaceAll('-', '/'),
        expires: (date: string, time: string) => `^残り ${HOUR_LEFT} で期限切れ \\(${date} ${time}\\)$`,
        mfa: (date: string, time: string) => `dev の MFA セッション: 残り 11 時間 59 分 (${date} ${time} まで)`,
        today: (time: string) => `(${time})`,
      },
    ];
    for (const { locale, date, expires, mfa, today } of pages) {
      const { harness, app, ui } = await suite.start({
        harness: { systemLocale: locale },
        page: { locale },
        seed: async (h) => {
          await toHalfPastEleven(h);
          await seedSwitchedTo(h, 'tes');
        },
      });
      const { page } = ui;
      const switchedAt = harness.time.now();
      const tes = await roleView(harness, 'tes');
      const tesEnd = tes.expiresAt ?? 0;
      expect(day(tesEnd), 'the session ends tomorrow').not.toBe(day(switchedAt));
      await poll(() => app.session('tes').getByTestId('session-expires').innerText()).toMatch(new RegExp(expires(date(tesEnd), clock(tesEnd))));

      // A minute on: the 12-hour MFA session is 11 h 59 min, with its end's date.
      await harness.advance(MINUTE);
      const mfaEnd = (await harness.controller.view()).identities[0]?.mfaSessionExpiresAt ?? 0;
      await poll(() => page.locator(`.mfa-sessions [data-identity="${IDENTITY}"]`).innerText()).toBe(mfa(date(mfaEnd), clock(mfaEnd)));

      // The activity log writes its dates year first too.
      await app.goTo('activity');
      expect(await page.getByTestId('activity-list').locator('time').first().innerText()).toMatch(
        new RegExp(`^${date(switchedAt)} \\d\\d:\\d\\d:\\d\\d$`),
      );

      // Past midnight the same end is today's: the time alone.
      await harness.advance(30 * MINUTE);
      await app.goTo('sessions');
      await poll(() => app.session('tes').getByTestId('session-expires').innerText()).toMatch(
        new RegExp(`${today(clock(tesEnd)).replace(/[()]/g, '\\$&')}$`),
      );
    }
  });

  it('the tray menu says what the sessions view says: roles in order, their states, the active check', async () => {
    // A 15-minute MFA session, so a renewal at 54 min finds none and needs the user.
    const { harness, app } = await suite.start({
      seed: async (h) => {
        await seedSwitchedTo(h, 'tes', { mfaSessionSeconds: 900 });
        await h.must('session:activate', { role: 'stg' });
      },
    });
    const { tray } = harness.shell;
    await expectTrayMatchesWindow(tray, app, { active: 'stg', states: { tes: 'Active', stg: 'Active', prd: 'Not signed in' } });
    expect(tray.tooltip).toMatch(/^STG · stg · (?:60|5\d) min left$/);
    expect(tray.image).toBe('/assets/tray-stg-ok.png');

    // A switch from the tray shows in the window.
    tray.click(tray.roleEntries().find((e) => e.label.startsWith('tes —'))?.label ?? 'tes');
    await harness.settle();
    await poll(() => app.session('tes').locator('.tag-active').count()).toBe(1);
    await expectTrayMatchesWindow(tray, app, { active: 'tes', states: { tes: 'Active', stg: 'Active', prd: 'Not signed in' } });

    // A sign-out in the window shows in the tray.
    await app.roleButton('Sign out of', 'stg').click();
    await poll(() => app.session('stg').getByTestId('session-status').innerText()).toBe('Not signed in');
    await harness.settle();
    await expectTrayMatchesWindow(tray, app, { active: 'tes', states: { tes: 'Active', stg: 'Not signed in', prd: 'Not signed in' } });

    // 55 min: the renewal needs a new MFA code; both say so, the tray icon too.
    await harness.advance(55 * MINUTE);
    await poll(() => app.session('tes').getByTestId('session-status').innerText()).toBe('Needs MFA code');
    await expectTrayMatchesWindow(tray, app, { active: 'tes', states: { tes: 'Needs MFA code', stg: 'Not signed in', prd: 'Not signed in' } });
    expect(tray.image).toBe('/assets/tray-tes-needs-mfa.png');
    expect(tray.tooltip).toMatch(/^TES · tes · [0-5] min left\n1 role needs attention$/);
  });

  it('when the MFA session has ended, every role renewed from it asks for a code (none fails on the keychain)', async () => {
    const { harness, app } = await suite.start({
      seed: async (h) => {
        await seedSwitchedTo(h, 'tes', { mfaSessionSeconds: 900 });
        await h.must('session:activate', { role: 'stg' });
        await h.must('session:activate', { role: 'prd', confirmed: true });
      },
    });
    // The three renewals run together at 54 min, each finding the MFA session gone.
    await harness.advance(55 * MINUTE);
    const view = await harness.controller.view();
    expect(view.roles.map((r) => [r.role.name, r.status, r.lastError?.code])).toEqual(
      ENVS.map((env) => [env, 'needs-mfa', 'needs-mfa']),
    );
    await expectTrayMatchesWindow(harness.shell.tray, app, {
      active: 'prd',
      states: { tes: 'Needs MFA code', stg: 'Needs MFA code', prd: 'Needs MFA code' },
    });
  });
});

interface Expected {
  readonly active: string;
  readonly states: Readonly<Record<string, string>>;
}

/** The tray's words for a state the window names ("Active" is shown as the minutes left). */
const TRAY_STATE: Readonly<Record<string, RegExp>> = {
  Active: /^ — \d+ min left$/,
  'Not signed in': /^$/,
  'Needs MFA code': /^ — needs MFA$/,
  'Renewal failed': /^ — failed$/,
  Expired: /^ — expired$/,
  Renewing: /^ — renewing…$/,
};

async function expectTrayMatchesWindow(tray: RecordingTray, app: AppWindow, expected: Expected): Promise<void> {
  await app.goTo('sessions');
  const rows = await app.page.locator('section[data-env] li[data-role]').evaluateAll((items) =>
    items.map((item) => ({
      env: item.closest('section')?.getAttribute('data-env') ?? '',
      role: item.getAttribute('data-role') ?? '',
      status: item.querySelector('[data-testid="session-status"]')?.textContent ?? '',
      current: item.querySelector('.tag-active') !== null,
      minutes: /(\d+):(\d\d):\d\d/.exec(item.querySelector('[data-testid="session-expires"]')?.textContent ?? ''),
    })),
  );
  // The tray: an environment header (a disabled line), then its roles as checkboxes.
  const menu: { env: string; role: string; label: string; checked: boolean }[] = [];
  let env = '';
  for (const entry of tray.menu) {
    if (entry.type === 'normal' && !entry.enabled && (ENVS as readonly string[]).includes(entry.label)) env = entry.label;
    if (entry.type === 'checkbox') menu.push({ env, role: entry.label.split(' — ')[0] ?? '', label: entry.label, checked: entry.checked });
  }

  expect(menu.map((m) => `${m.env}/${m.role}`)).toEqual(rows.map((r) => `${r.env}/${r.role}`));
  expect(rows.map((r) => [r.role, r.status])).toEqual(Object.entries(expected.states));
  for (const [i, row] of rows.entries()) {
    const item = menu[i];
    expect(item?.checked, `${row.role} checked`).toBe(row.current);
    expect(row.current, `${row.role} current`).toBe(row.role === expected.active);
    const suffix = item?.label.slice(row.role.length) ?? '';
    expect(suffix, `${row.role}: "${item?.label}" vs "${row.status}"`).toMatch(TRAY_STATE[row.status] ?? /^\0$/);
    if (row.status === 'Active') {
      if (!row.minutes) throw new Error(`${row.role} is active but the window shows no countdown`);
      const windowMinutes = Number(row.minutes[1]) * 60 + Number(row.minutes[2]);
      const trayMinutes = Number(/(\d+) min left/.exec(suffix)?.[1]);
      expect(Math.abs(trayMinutes - windowMinutes), `${row.role} minutes left`).toBeLessThanOrEqual(1);
    }
  }
}
