// One identity's key: its facts (account, flagged when unexpected; user; MFA device; age;
// the user's other keys with what to do about each) and rotation, after a confirmation and
// with an MFA code when no session is live. No secret ever reaches this panel.

import { useState } from 'react';
import type { KeyFactsView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { CodeField, useCodeRetry } from '../components/code-field.js';
import type { ConfirmRequest } from '../components/confirm-dialog.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { useI18n } from '../i18n/i18n-context.js';

export function KeyFactsPanel({ name, onConfirm }: { name: string; onConfirm: (request: ConfirmRequest) => void }) {
  const { t } = useI18n();
  const [facts, setFacts] = useState<KeyFactsView | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [working, setWorking] = useState(false);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const load = async () => {
    setWorking(true);
    const result = await request('identity:facts', { name });
    if (result.ok) setFacts(result.value);
    else setNotice(resultNotice(t, result, () => ''));
    setWorking(false);
  };

  const { needsCode, run } = useCodeRetry(
    (mfaCode) => request('identity:rotate', { name, ...(mfaCode === undefined ? {} : { mfaCode }) }),
    (result) => {
      setNotice(resultNotice(t, result, (r) => t('keys.rotated', { name, key: r.newAccessKeyId, old: r.oldAccessKeyId, outcome: t(`keys.oldKey.${r.oldKey}`) })));
      if (result.ok) void load();
    },
  );

  const rotate = async (mfaCode?: string) => {
    setWorking(true);
    setNotice(null);
    await run(mfaCode);
    setWorking(false);
  };

  const confirmRotate = () =>
    onConfirm({
      title: t('keys.rotateConfirm', { name }),
      body: t('keys.rotateBody'),
      confirmLabel: t('keys.rotate'),
      danger: false,
      onConfirm: () => void rotate(),
    });

  return (
    <section className="key-facts" data-testid={`key-facts-${name}`} aria-label={t('keys.title', { name })}>
      <h3>{t('keys.title', { name })}</h3>
      <div className="row-actions">
        <button type="button" disabled={working} onClick={() => void load()}>
          {t('keys.show')}
        </button>
        <button type="button" disabled={working} onClick={confirmRotate}>
          {t('keys.rotate')}
        </button>
      </div>
      {needsCode ? <CodeField id={`rotate-code-${name}`} onCode={(code) => void rotate(code)} /> : null}
      <Notice notice={notice} testId={`key-notice-${name}`} />
      {facts ? (
        <dl className="facts">
          <dt>{t('keys.account')}</dt>
          <dd data-testid="key-account" className={facts.unexpectedAccount ? 'flag' : undefined}>
            {facts.keyAccount}
            {facts.unexpectedAccount ? ` — ${t('keys.unexpected', { accounts: facts.expectedAccounts.join(', ') })}` : ''}
          </dd>
          <dt>{t('keys.key')}</dt>
          <dd className="mono">{facts.accessKeyIdMasked}</dd>
          <dt>{t('keys.user')}</dt>
          <dd className="mono wrap" data-testid="key-user">{facts.userArn}</dd>
          <dt>{t('identities.mfaSerial')}</dt>
          <dd className="mono wrap">{facts.mfaSerial ?? t('identities.noMfa')}</dd>
          <dt>{t('keys.age')}</dt>
          <dd data-testid="key-age">
            {facts.ageDays === null || facts.keyCreatedAt === null
              ? t('keys.ageUnknown')
              : t(facts.keyAgeFrom === 'iam' ? 'keys.ageCreated' : 'keys.ageStored', { days: String(facts.ageDays), date: day(facts.keyCreatedAt) })}
            {facts.rotationDue ? ` — ${t('keys.due', { days: String(facts.maxAgeDays) })}` : ''}
          </dd>
          {facts.otherKeys.map((k) => (
            <div key={k.accessKeyId} className="facts-row" data-testid="key-other">
              <dt>{t('keys.other')}</dt>
              <dd>
                <span className="mono">{k.accessKeyId}</span> ({k.status}, {day(k.createdAt)}): {k.advice}
              </dd>
            </div>
          ))}
          {facts.notes.map((note) => (
            <div key={note} className="facts-row">
              <dt>{t('keys.note')}</dt>
              <dd>{note}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
