// Turns a message key into a sentence in the chosen language, and picks that language.
// Pure functions, so the React layer (i18n-context.tsx) and the tests share them.

import type { Language } from '../../../electron/contract/config-schema.js';
import { uiLanguage, type UiLanguage } from '../../../electron/contract/switch-rules.js';
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

export type { UiLanguage };
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGS: Readonly<Record<UiLanguage, Readonly<Record<MessageKey, string>>>> = { en, ja };

/** `{name}` placeholders; an unknown one is left visible so a missing parameter shows up. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(language: UiLanguage): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => interpolate(catalog[key], params);
}


/**
 * The preference wins; 'system' follows the OS locale main reports, and before the first view
 * arrives (no locale from main yet) the browser's own language stands in.
 */
export function resolveLanguage(
  preference: Language | null,
  systemLocale: string | null,
  browserLocale: string | null,
): UiLanguage {
  return uiLanguage(preference ?? 'system', systemLocale ?? browserLocale);
}
