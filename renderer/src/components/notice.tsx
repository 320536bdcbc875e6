// A one-line outcome under a form or a list: a polite status when things went well, an
// alert when they did not.

export interface NoticeMessage {
  readonly tone: 'ok' | 'error';
  readonly text: string;
}

export function Notice({ notice, testId }: { notice: NoticeMessage | null; testId: string }) {
  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div className="notice-slot" role={notice?.tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {notice ? <p className={`notice notice-${notice.tone}`}>{notice.text}</p> : null}
    </div>
  );
}
