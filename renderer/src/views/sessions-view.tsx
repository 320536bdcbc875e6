// Home: the roles grouped by environment, each with its state and live countdowns, the MFA
// sessions that feed them, and the outcome of the last switch.

import { useState } from 'react';
import { ENVIRONMENTS } from '../../../electron/contract/config-schema.js';
import type { AppView, RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import type { ConfirmRequest } from '../components/confirm-dialog.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import type { Tab } from '../components/tab-bar.js';
import { errorText } from '../format/error-text.js';
import { formatCountdown } from '../format/time.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import type { ActivationResult } from '../state/activation.js';
import { SessionRow } from './session-row.js';

export interface SessionsViewProps {
  readonly view: AppView;
  readonly now: number;
  readonly busyRole: string | null;
  readonly activation: ActivationResult | null;
  readonly onActivate: (role: RoleView) => void;
  readonly onNavigate: (tab: Tab) => void;
  readonly onConfirm: (request: ConfirmRequest) => void;
}

function activationNotice({ t }: I18n, result: ActivationResult | null): NoticeMessage | null {
  if (result === null) return null;
  if (!result.ok) return { tone: 'error', text: errorText(t, result.error) };
  const lines = [
    result.value.assumedRoleArn
      ? t('sessions.switchedAs', { role: result.role, arn: result.value.assumedRoleArn })
      : t('sessions.switched', { role: result.role }),
    ...result.value.notices,
  ];
  return { tone: 'ok', text: lines.join(' ') };
}

export function SessionsView({ view, now, busyRole, activation, onActivate, onNavigate, onConfirm }: SessionsViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const groups = ENVIRONMENTS.map((env) => ({ env, roles: view.roles.filter((r) => r.role.env === env) })).filter(
    (g) => g.roles.length > 0,
  );
  const anySession = view.roles.some((r) => r.expiresAt !== null || r.status !== 'idle');
  const mfaSessions = view.identities.filter((i) => i.mfaSessionExpiresAt !== null && i.mfaSessionExpiresAt > now);

  const renewAll = async () => {
    const r = await request('session:renew', {});
    setNotice(r.ok ? { tone: 'ok', text: t('sessions.renewedAll') } : { tone: 'error', text: errorText(t, r.error) });
  };
  const signOutAll = () =>
    onConfirm({
      title: t('sessions.signOutAllConfirm'),
      body: t('sessions.signOutAllBody'),
      confirmLabel: t('sessions.signOutAll'),
      danger: true,
      onConfirm: () =>
        void request('session:sign-out', {}).then((r) =>
          setNotice(
            r.ok
              ? { tone: 'ok', text: t('sessions.signedOutAll', { count: r.value.removed.length }) }
              : { tone: 'error', text: errorText(t, r.error) },
          ),
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
      <Notice notice={activationNotice(i18n, activation)} testId="activation-notice" />
      <Notice notice={notice} testId="sessions-notice" />

      {mfaSessions.length > 0 ? (
        <ul className="mfa-sessions" aria-label={t('sessions.mfaSessions')}>
          {mfaSessions.map((identity) => (
            <li key={identity.name} data-identity={identity.name}>
              {t('sessions.mfaSessionLeft', {
                identity: identity.name,
                countdown: formatCountdown((identity.mfaSessionExpiresAt ?? now) - now),
              })}
            </li>
          ))}
        </ul>
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
          <section key={env} className={`env-group env-group-${env}`} aria-labelledby={`env-${env}-title`} data-env={env}>
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
