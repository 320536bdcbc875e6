// Hands the current language's `t` (and locale-aware time formatting) to every component.

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { calendarDate, span, timeWithDateUnlessToday, type EndFormatter } from '../../../electron/contract/time-text.js';
import { translator, type Translate, type UiLanguage } from './translate.js';

export interface I18n {
  readonly language: UiLanguage;
  readonly t: Translate;
  /** 14:05:09 — a clock time in the UI's language, always 24 h so it matches the countdowns. */
  readonly time: (epochMs: number) => string;
  /** Date and time, year first ("2026-12-07 14:05:09", ja "2026/12/07 14:05:09"), for the activity log. */
  readonly dateTime: (epochMs: number) => string;
  /** An end such as an expiry: the clock time on today's date, the date too on any other. */
  readonly endTime: EndFormatter;
  /** A length of time in this language's units: "11 h 59 min", "11 時間 59 分". */
  readonly span: (ms: number) => string;
}

function makeI18n(language: UiLanguage): I18n {
  const t = translator(language);
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const time = (ms: number) => timeFormat.format(ms);
  // Japanese readers expect 2026/12/07; an English page gets the unambiguous ISO order.
  const date = calendarDate(language === 'ja' ? '/' : '-');
  const units = { s: t('unit.s'), min: t('unit.min'), h: t('unit.h') };
  return {
    language,
    t,
    time,
    dateTime: (ms) => `${date(ms)} ${time(ms)}`,
    endTime: timeWithDateUnlessToday(time, date),
    span: (ms) => span(ms, units),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ language, children }: { language: UiLanguage; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
