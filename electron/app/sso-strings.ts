// The words main shows about IAM Identity Center sign-ins (tray menu, notifications), in
// English and Japanese, beside main-strings.ts.

import type { Language } from '../contract/config-schema.js';
import { uiLanguage } from '../contract/switch-rules.js';
import type { Notice } from './main-strings.js';

export interface SsoStrings {
  /** "Sign in to myco…" */
  signIn(identity: string): string;
  /** "myco: approve code ABCD-EFGH in the browser" */
  signingIn(identity: string, userCode: string): string;
  /** The sign-in ends soon: renewals after that need a new sign-in. */
  ending(identity: string, minutes: number): Notice;
  /** The sign-in ended or was revoked: its roles wait for a new one. */
  needed(identity: string): Notice;
}

const en: SsoStrings = {
  signIn: (identity) => `Sign in to ${identity}…`,
  signingIn: (identity, code) => `${identity}: approve code ${code} in the browser`,
  ending: (identity, minutes) => ({
    title: `IAM Identity Center sign-in ${identity} ends in ${minutes} min`,
    body: 'Sign in again to keep its roles renewed. Click to sign in.',
  }),
  needed: (identity) => ({
    title: `Sign in to ${identity} again`,
    body: 'The IAM Identity Center sign-in ended; its roles are not renewed until you sign in. Click to sign in.',
  }),
};

const ja: SsoStrings = {
  signIn: (identity) => `${identity} にサインイン…`,
  signingIn: (identity, code) => `${identity}: ブラウザでコード ${code} を承認してください`,
  ending: (identity, minutes) => ({
    title: `IAM Identity Center のサインイン ${identity} はあと ${minutes} 分で終わります`,
    body: 'ロールの更新を続けるにはもう一度サインインしてください。クリックでサインインします。',
  }),
  needed: (identity) => ({
    title: `${identity} にもう一度サインインしてください`,
    body: 'IAM Identity Center のサインインが終わりました。サインインするまでロールは更新されません。クリックでサインインします。',
  }),
};

export function ssoStrings(language: Language, systemLocale: string): SsoStrings {
  return uiLanguage(language, systemLocale) === 'ja' ? ja : en;
}
