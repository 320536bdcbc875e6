// A screenshot of every view in English and Japanese, light and dark, and of Sessions,
// Identities and Roles (with the quick form) in Japanese at 420 px, kept as test artifacts in
// test-results/screenshots/ (git-ignored). Each one is also checked for what a glance would
// catch: the language of the page, the colour scheme it painted, and at 420 px no button,
// tab or tag over two lines and no label or header split inside a word (Japanese may wrap
// between any two characters).

import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness/renderer-suite.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { IDENTITY, seedEnvironmentRoles, seedIdentity } from './harness/seed.js';
import { poll } from './harness/poll.js';

const suite = rendererSuite();
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const SCHEMES = ['light', 'dark'] as const;

const LANGUAGES = [
  { lang: 'en', locale: 'en-US', sessions: 'Sessions', onboarding: 'Welcome to sts-tray' },
  { lang: 'ja', locale: 'ja-JP', sessions: 'セッション', onboarding: null },
] as const;

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function shoot({ ui }: OpenApp, lang: string, view: string): Promise<void> {
  const { page } = ui;
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // The page paints the scheme it is given, not a fixed one.
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    if (colorScheme === 'dark') expect(luminance(background), `${lang} ${view} dark background ${background}`).toBeLessThan(0.3);
    else expect(luminance(background), `${lang} ${view} light background ${background}`).toBeGreaterThan(0.7);
    await page.screenshot({ path: `${SHOTS}${lang}-${colorScheme}-${view}.png`, fullPage: true });
  }
}

/**
 * Visible text broken where a reader would not break it: a button, tab or tag over more than
 * one line, or a label, heading or table header with more lines than words (a word split).
 */
function brokenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      // A visually hidden text (1 px wide) is for screen readers: its lines are nobody's to read.
      return new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top))).size;
    };
    const words = (element: Element) => (element.textContent ?? '').trim().split(/\s+/).length;
    const visible = (selector: string) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility());
    return [
      ...visible('button, .tag, .status, .env-badge').filter((e) => lines(e) > 1),
      ...visible('label, legend, th, dt, h1, h2, h3').filter((e) => lines(e) > words(e)),
    ].map((e) => e.textContent);
  });
}

describe('screenshots of every view', () => {
  for (const { lang, locale, sessions, onboarding } of LANGUAGES) {
    it(`${lang}: onboarding, sessions, MFA prompt, prd confirmation, identities, roles, preferences, activity, import`, async () => {
      await mkdir(SHOTS, { recursive: true });
      const opened = await suite.start({ harness: { systemLocale: locale }, page: { locale } });
      const { harness, app, ui } = opened;
      const { page } = ui;
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await app.tab('sessions').innerText()).toBe(sessions);

      await page.getByTestId('onboarding').waitFor();
      if (onboarding !== null) expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(onboarding);
      await shoot(opened, lang, 'onboarding');

      // A working day: an identity, three roles, tes and stg running, an MFA session.
      await seedIdentity(harness);
      await seedEnvironmentRoles(harness);
      await harness.must('session:activate', { role: 'tes', mfaCode: harness.totp() });
      await harness.must('session:activate', { role: 'stg' });
      await app.session('stg').waitFor();
      await shoot(opened, lang, 'sessions');

      harness.controller.promptMfa(IDENTITY, 'expiring');
      await harness.settle();
      await app.mfaDialog.waitFor();
      await shoot(opened, lang, 'mfa-prompt');
      await page.getByTestId('mfa-dialog').locator('button[type="button"]').click();
      await app.mfaDialog.waitFor({ state: 'detached' });

      await app.session('prd').locator('button.button-primary').click();
      await app.confirmDialog.waitFor();
      await shoot(opened, lang, 'prd-confirmation');
      await page.getByTestId('confirm-no').click();
      await app.confirmDialog.waitFor({ state: 'detached' });

      for (const view of ['identities', 'roles', 'preferences', 'activity'] as const) {
        await app.goTo(view);
        await shoot(opened, lang, view);
      }
      await poll(() => page.getByTestId('activity-list').locator('li').count()).toBeGreaterThan(3);

      // Import over the profiles sts-tray wrote itself: nothing new, each listed with why.
      await app.goTo('identities');
      await page.getByTestId('identities-import').click();
      await page.getByTestId('import-not-imported').waitFor();
      await shoot(opened, lang, 'import');

      if (lang === 'ja') {
        // A narrow window, where 形式 once broke a character a line and button labels wrapped.
        await page.setViewportSize({ width: 420, height: 760 });
        for (const view of ['sessions', 'identities', 'roles'] as const) {
          await app.goTo(view);
          await shoot(opened, lang, `${view}-420px`);
          expect(await brokenTexts(page), `${view} at 420 px`).toEqual([]);
        }
      }
    });
  }
});
