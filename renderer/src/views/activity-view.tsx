// Activity: recent switches, renewals and failures (newest first, as main sends them), with
// local times and the reason main gave.

import type { AppView } from '../../../electron/contract/views.js';
import { useI18n } from '../i18n/i18n-context.js';

export function ActivityView({ view }: { view: AppView }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="activity-title" className="view">
      <h1 id="activity-title">{t('activity.title')}</h1>
      {view.activity.length === 0 ? (
        <p className="empty">{t('activity.none')}</p>
      ) : (
        <ol className="activity" data-testid="activity-list">
          {view.activity.map((entry, index) => (
            <li
              key={`${entry.at}-${index}`}
              className={`activity-entry activity-${entry.kind}`}
              data-kind={entry.kind}
            >
              <time dateTime={new Date(entry.at).toISOString()}>{dateTime(entry.at)}</time>
              <span className="activity-kind">{t(`activity.kind.${entry.kind}`)}</span>
              <span className="activity-subject">{entry.subject}</span>
              {entry.detail !== null ? <span className="activity-detail">{entry.detail}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
