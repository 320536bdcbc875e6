// The words main shows a person itself (tray menu, tooltip, notifications, the prd
// confirmation), in English and Japanese. The renderer has its own; the
// core's error sentences stay English and are quoted as they are.

import type { Environment, Language } from '../contract/config-schema.js';
import type { ExportFormat } from '../contract/export-formats.js';
import { uiLanguage, type UiLanguage } from '../contract/switch-rules.js';


/** The export formats the tray offers (json is for credential_process, not for pasting). */
export const TRAY_EXPORT_FORMATS = ['bash', 'fish', 'pwsh', 'cmd', 'dotenv'] as const satisfies readonly ExportFormat[];
export type TrayExportFormat = (typeof TRAY_EXPORT_FORMATS)[number];

/** A role state worth a word next to its name (idle and active say nothing). */
export type RoleTrouble = 'renewing' | 'needs-mfa' | 'failed' | 'expired';

export interface Notice {
  readonly title: string;
  readonly body: string;
}

export interface MainStrings {
  readonly env: Readonly<Record<Environment, string>>;
  /** "tes-deployer · tes" */
  activeRole(role: string, env: Environment): string;
  readonly noActiveRole: string;
  /** "expires 14:05 · renews in 42 min"; without the second half when nothing is planned. */
  expiry(expiresAt: string, renewsInMinutes: number | null): string;
  expiredAt(time: string): string;
  readonly trouble: Readonly<Record<RoleTrouble, string>>;
  minutesLeft(minutes: number): string;
  readonly copyExports: string;
  readonly formats: Readonly<Record<TrayExportFormat, string>>;
  readonly renewNow: string;
  readonly open: string;
  readonly signOutAll: string;
  readonly quit: string;
  readonly empty: string;
  configError(problem: string): string;
  /** Tooltip when no role is live. */
  readonly idleTooltip: string;
  /** Tooltip suffix when some role needs the user. */
  attention(count: number): string;
  /** The native question before a prd switch from the tray. */
  confirmPrd(role: string, roleArn: string, profiles: readonly string[]): { title: string; detail: string; confirmLabel: string; cancelLabel: string };
  mfaExpiring(identity: string, minutes: number): Notice;
  renewalFailed(role: string, reason: string): Notice;
  /** The MFA session ended: the roles renewed from it wait for a code. */
  mfaNeeded(identity: string): Notice;
  expired(role: string): Notice;
  switchedPrd(role: string): Notice;
  renewalStopped(reason: string): Notice;
  /** The desktop refused a clipboard copy or clear. */
  clipboardRefused(action: 'copy' | 'clear'): Notice;
  readonly openConsole: string;
  readonly rotateKey: string;
  keyOld(identity: string, ageDays: number): Notice;
  rotationInterrupted(identity: string, leftover: string | null): Notice;
  keyRotated(identity: string, newAccessKeyId: string): Notice;
  keyRotationFailed(identity: string, reason: string): Notice;
}

const en: MainStrings = {
  env: { tes: 'tes', stg: 'stg', prd: 'prd', other: 'other' },
  activeRole: (role, env) => `${role} · ${env}`,
  noActiveRole: 'No active role',
  expiry: (at, minutes) => (minutes === null ? `expires ${at}` : `expires ${at} · renews ${inMinutes(minutes)}`),
  expiredAt: (time) => `expired at ${time}`,
  trouble: { renewing: 'renewing…', 'needs-mfa': 'needs MFA', failed: 'failed', expired: 'expired' },
  minutesLeft: (minutes) => (minutes < 1 ? 'under a minute left' : `${minutes} min left`),
  copyExports: 'Copy export lines',
  formats: { bash: 'bash / zsh', fish: 'fish', pwsh: 'PowerShell', cmd: 'cmd', dotenv: 'dotenv' },
  renewNow: 'Renew now',
  open: 'Open sts-tray…',
  signOutAll: 'Sign out of all',
  quit: 'Quit',
  empty: 'No roles yet: open sts-tray to add an identity',
  configError: (problem) => `Config problem: ${problem}`,
  idleTooltip: 'sts-tray: no active role',
  attention: (count) => (count === 1 ? '1 role needs attention' : `${count} roles need attention`),
  confirmPrd: (role, roleArn, profiles) => ({
    title: `Switch to prd role "${role}"?`,
    detail: `${roleArn}\nAWS tools using ${profiles.map((p) => `[${p}]`).join(' and ')} will act in production.`,
    confirmLabel: 'Switch to prd',
    cancelLabel: 'Cancel',
  }),
  mfaExpiring: (identity, minutes) => ({
    title: 'MFA session ending soon',
    body: `MFA session of ${identity} ends in ${minutes} min. Click to enter a new code.`,
  }),
  renewalFailed: (role, reason) => ({ title: `Renewal of ${role} failed`, body: reason }),
  mfaNeeded: (identity) => ({
    title: `MFA code needed for ${identity}`,
    body: `The MFA session of ${identity} ended; its roles renew again once you enter a code. Click to enter it.`,
  }),
  expired: (role) => ({
    title: `Credentials of ${role} expired`,
    body: `AWS tools using ${role} will fail until you switch to it again.`,
  }),
  switchedPrd: (role) => ({ title: `Switched to prd role ${role}`, body: 'Commands now run against production.' }),
  renewalStopped: (reason) => ({ title: 'Renewal stopped', body: reason }),
  openConsole: 'Open AWS console',
  rotateKey: 'Rotate key…',
  keyOld: (identity, days) => ({ title: `The key of ${identity} is ${days} days old`, body: 'Click to rotate it now: a new key is made, checked and stored, then the old one is deleted.' }),
  rotationInterrupted: (identity, leftover) => ({
    title: `A key rotation of ${identity} did not finish`,
    body: `Its current key still works.${leftover ? ` In IAM: ${leftover}.` : ''} Click to finish the rotation.`,
  }),
  keyRotated: (identity, id) => ({ title: `New key for ${identity}`, body: `${identity} now uses ${id}; the old key is retired.` }),
  keyRotationFailed: (identity, reason) => ({ title: `Key rotation of ${identity} stopped`, body: reason }),
  clipboardRefused: (action) =>
    action === 'copy'
      ? {
          title: 'Export lines not copied',
          body: 'This desktop accepts a copy only from a focused window, and sts-tray got no focus. Click to open sts-tray and copy from there.',
        }
      : {
          title: 'Clipboard not cleared',
          body: 'This desktop did not let sts-tray clear the clipboard without focus: the export lines are still on it. Copy something else to replace them.',
        },
};

const ja: MainStrings = {
  env: { tes: 'tes', stg: 'stg', prd: 'prd', other: 'その他' },
  activeRole: (role, env) => `${role} · ${env}`,
  noActiveRole: '使用中のロールはありません',
  expiry: (at, minutes) =>
    minutes === null ? `${at} に期限切れ` : `${at} に期限切れ · ${minutes < 1 ? 'まもなく更新' : `${minutes} 分後に更新`}`,
  expiredAt: (time) => `${time} に期限切れになりました`,
  trouble: { renewing: '更新中…', 'needs-mfa': 'MFA が必要', failed: '失敗', expired: '期限切れ' },
  minutesLeft: (minutes) => (minutes < 1 ? '残り 1 分未満' : `残り ${minutes} 分`),
  copyExports: 'エクスポート行をコピー',
  formats: { bash: 'bash / zsh', fish: 'fish', pwsh: 'PowerShell', cmd: 'cmd', dotenv: 'dotenv' },
  renewNow: '今すぐ更新',
  open: 'sts-tray を開く…',
  signOutAll: 'すべてサインアウト',
  quit: '終了',
  empty: 'ロールがありません: sts-tray を開いて ID を追加してください',
  configError: (problem) => `設定の問題: ${problem}`,
  idleTooltip: 'sts-tray: 使用中のロールはありません',
  attention: (count) => `${count} 件のロールに対応が必要です`,
  confirmPrd: (role, roleArn, profiles) => ({
    title: `prd ロール「${role}」に切り替えますか?`,
    detail: `${roleArn}\n${profiles.map((p) => `[${p}]`).join(' と ')} を使う AWS ツールは本番環境で動作します。`,
    confirmLabel: 'prd に切り替える',
    cancelLabel: 'キャンセル',
  }),
  mfaExpiring: (identity, minutes) => ({
    title: 'MFA セッションがまもなく終了します',
    body: `${identity} の MFA セッションはあと ${minutes} 分で終了します。クリックして新しいコードを入力してください。`,
  }),
  renewalFailed: (role, reason) => ({ title: `${role} の更新に失敗しました`, body: reason }),
  mfaNeeded: (identity) => ({
    title: `${identity} の MFA コードが必要です`,
    body: `${identity} の MFA セッションが終了しました。コードを入力すると、そのロールの更新が再開します。クリックして入力してください。`,
  }),
  expired: (role) => ({
    title: `${role} の認証情報が期限切れになりました`,
    body: `${role} を使う AWS ツールは、もう一度切り替えるまで失敗します。`,
  }),
  switchedPrd: (role) => ({ title: `prd ロール ${role} に切り替えました`, body: 'コマンドは本番環境に対して実行されます。' }),
  renewalStopped: (reason) => ({ title: '更新が止まりました', body: reason }),
  openConsole: 'AWS コンソールを開く',
  rotateKey: 'キーをローテーション…',
  keyOld: (identity, days) => ({ title: `${identity} のキーは作成から ${days} 日経っています`, body: 'クリックすると今すぐローテーションします。新しいキーを作成・確認・保存してから、古いキーを削除します。' }),
  rotationInterrupted: (identity, leftover) => ({
    title: `${identity} のキーのローテーションが完了していません`,
    body: `現在のキーは引き続き使えます。${leftover ? `IAM: ${leftover}。` : ''}クリックしてローテーションを完了してください。`,
  }),
  keyRotated: (identity, id) => ({ title: `${identity} の新しいキー`, body: `${identity} は ${id} を使います。古いキーは無効にしました。` }),
  keyRotationFailed: (identity, reason) => ({ title: `${identity} のキーのローテーションが止まりました`, body: reason }),
  clipboardRefused: (action) =>
    action === 'copy'
      ? {
          title: 'エクスポート行をコピーできませんでした',
          body: 'このデスクトップはフォーカスのあるウィンドウからのコピーしか受け付けず、sts-tray はフォーカスを得られませんでした。クリックして sts-tray を開き、そこからコピーしてください。',
        }
      : {
          title: 'クリップボードを消去できませんでした',
          body: 'フォーカスがないため、このデスクトップでは sts-tray がクリップボードを消去できません。エクスポート行がまだ残っています。別のものをコピーして置き換えてください。',
        },
};

function inMinutes(minutes: number): string {
  return minutes < 1 ? 'in under a minute' : `in ${minutes} min`;
}

const STRINGS: Readonly<Record<UiLanguage, MainStrings>> = { en, ja };

export function mainStrings(language: Language, systemLocale: string): MainStrings {
  return STRINGS[uiLanguage(language, systemLocale)];
}
