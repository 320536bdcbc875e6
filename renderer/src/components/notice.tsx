// A one-line outcome under a form or a list: a polite status when things went well, an
// alert when they did not.

import type { Result } from '../../../electron/contract/result.js';
import { errorText } from '../format/error-text.js';
import type { Translate } from '../i18n/translate.js';

export interface NoticeMessage {
  readonly tone: 'ok' | 'error';
  readonly text: string;
}

/** A request's outcome as a notice: what `okText` says of its value, or main's error behind its lead-in. */
export function resultNotice<T>(t: Translate, result: Result<T>, okText: (value: T) => string): NoticeMessage {
  return result.ok ? { tone: 'ok', text: okText(result.value) } : { tone: 'error', text: errorText(t, result.error) };
}

export function Notice({ notice, testId }: { notice: NoticeMessage | null; testId: string }) {
  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div className="notice-slot" role={notice?.tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {notice ? <p className={`notice notice-${notice.tone}`}>{notice.text}</p> : null}
    </div>
  );
}
