// Hands the current language's `t` (and locale-aware time formatting) to every component.

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Translate, type UiLanguage } from './translate.js';

export interface I18n {
  readonly language: UiLanguage;
  readonly t: Translate;
  /** 14:05:09 — a clock time in the UI's language, always 24 h so it matches the countdowns. */
  readonly time: (epochMs: number) => string;
  /** Date and time, for the activity log. */
  readonly dateTime: (epochMs: number) => string;
}

function makeI18n(language: UiLanguage): I18n {
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return {
    language,
    t: translator(language),
    time: (ms) => timeFormat.format(ms),
    dateTime: (ms) => dateTimeFormat.format(ms),
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
