// How an error from main reads: its sentence as main wrote it (English, from the core or
// STS), behind a lead-in translated by its code, e.g. "MFA コードが正しくありません: …".

import type { AppError } from '../../../electron/contract/result.js';
import type { MessageKey } from '../i18n/en.js';
import type { Translate } from '../i18n/translate.js';

export function errorText(t: Translate, error: Pick<AppError, 'code' | 'message'>): string {
  if (error.message.trim() === '') return t('error.unanswered');
  const key: MessageKey = `error.${error.code}`;
  return t(key, { message: error.message });
}
