// Rules every shell applies the same way before and around a switch, so the window, the tray
// and the CLI cannot disagree.

import type { Environment, Language } from './config-schema.js';

/** A switch to a prd role is confirmed first, unless the user turned that off. */
export function asksBeforeSwitch(role: { readonly env: Environment }, preferences: { readonly confirmPrd: boolean }): boolean {
  return role.env === 'prd' && preferences.confirmPrd;
}

export type UiLanguage = 'en' | 'ja';

/** The preference wins; 'system' follows the locale (ja, ja-JP → Japanese; anything else → English). */
export function uiLanguage(preference: Language, locale: string | null | undefined): UiLanguage {
  if (preference === 'en' || preference === 'ja') return preference;
  return locale !== null && locale !== undefined && /^ja(?:[-_]|$)/i.test(locale) ? 'ja' : 'en';
}
