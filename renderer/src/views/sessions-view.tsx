// Home: the roles grouped by environment, each with its state and live countdowns, the MFA
// sessions that feed them, and the outcome of the last switch.

import { useState } from 'react';
import { ENVIRONMENTS } from '../../../electron/contract/config-schema.js';
import type { AppView, RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import type { ConfirmRequest } from '../components/confirm-dialog.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import type { Tab } from '../components/tab-bar.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Translate } from '../i18n/translate.js';
import type { ActivationResult } from '../state/activation.js';
import { useClock } from '../state/use-clock.js';
import { SessionRow, hasSession } from './session-row.js';

export interface SessionsViewProps {
  readonly view: AppView;
  /** Main's clock minus ours (see use-app-view.ts), for the countdowns. */
  readonly offset: number;
  readonly busyRole: string | null;
  readonly activation: ActivationResult | null;
  readonly onActivate: (role: RoleView) => void;
  readonly onNavigate: (tab: Tab) => void;
  readonly onConfirm: (request: ConfirmRequest) => void;
}

function activationNotice(t: Translate, result: ActivationResult | null): NoticeMessage | null {
  if (result === null) return null;
  return resultNotice(t, result, ({ assumedRoleArn, notices }) =>
    [
      assumedRoleArn
        ? t('sessions.switchedAs', { role: result.role, arn: assumedRoleArn })
        : t('sessions.switched', { role: result.role }),
      ...notices,
    ].join(' '),
  );
}

export function SessionsView({ view, offset, busyRole, activation, onActivate, onNavigate, onConfirm }: SessionsViewProps) {
  const { t, span, endTime } = useI18n();
  const now = useClock(offset);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const groups = ENVIRONMENTS.map((env) => ({ env, roles: view.roles.filter((r) => r.role.env === env) })).filter(
    (g) => g.roles.length > 0,
  );
  const anySession = view.roles.some(hasSession);
  const mfaSessions = view.identities.filter((i) => i.mfaSessionExpiresAt !== null && i.mfaSessionExpiresAt > now);

  const renewAll = async () => {
    setNotice(resultNotice(t, await request('session:renew', {}), () => t('sessions.renewedAll')));
  };
  const signOutAll = () =>
    onConfirm({
      title: t('sessions.signOutAllConfirm'),
      body: t('sessions.signOutAllBody'),
      confirmLabel: t('sessions.signOutAll'),
      danger: true,
      onConfirm: () =>
        void request('session:sign-out', {}).then((r) =>
          setNotice(resultNotice(t, r, ({ removed }) => t('sessions.signedOutAll', { count: removed.length }))),
        ),
    });

  return (
    <section aria-labelledby="sessions-title" className="view">
      <div className="view-head">
        <h1 id="sessions-title">{t('sessions.title')}</h1>
        <div className="actions">
          <button type="button" disabled={!anySession} onClick={() => void renewAll()}>
            {t('sessions.renewAll')}
          </button>
          <button type="button" className="button-danger-quiet" disabled={!anySession} onClick={signOutAll}>
            {t('sessions.signOutAll')}
          </button>
        </div>
      </div>
      <Notice notice={activationNotice(t, activation)} testId="activation-notice" />
      <Notice notice={notice} testId="sessions-notice" />

      {mfaSessions.length > 0 ? (
        <ul className="mfa-sessions" aria-label={t('sessions.mfaSessions')}>
          {mfaSessions.map(({ name, mfaSessionExpiresAt: end }) => (
            <li key={name} data-identity={name}>
              {t('sessions.mfaSessionLeft', { identity: name, span: span((end ?? now) - now), time: endTime(end ?? now, now) })}
            </li>
          ))}
        </ul>
      ) : null}

      {view.roles.length > 0 ? (
        <dl className="legend" data-testid="sessions-legend">
          <dt>{t('status.active')}</dt>
          <dd>{t('sessions.activeHint')}</dd>
          <dt>{t('sessions.active')}</dt>
          <dd>{t('sessions.currentHint')}</dd>
        </dl>
      ) : null}

      {view.roles.length === 0 ? (
        <div className="empty" data-testid="sessions-empty">
          <p>{t('sessions.noRoles')}</p>
          <button type="button" className="button-primary" onClick={() => onNavigate('roles')}>
            {t('sessions.addRoles')}
          </button>
        </div>
      ) : (
        groups.map(({ env, roles }) => (
          <section key={env} className="env-group" aria-labelledby={`env-${env}-title`} data-env={env}>
            <h2 id={`env-${env}-title`}>{t(`envGroup.${env}`)}</h2>
            <ul className="session-list">
              {roles.map((r) => (
                <SessionRow
                  key={r.role.name}
                  roleView={r}
                  now={now}
                  activating={busyRole === r.role.name}
                  onActivate={onActivate}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
