// One role on the Sessions view: its state, live countdowns, and what can be done with it.
// Export lines are copied by main; this row only ever learns when the clipboard clears.

import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../electron/contract/export-formats.js';
import type { RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { EnvBadge } from '../components/env-badge.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import { formatCountdown } from '../format/time.js';
import { useI18n } from '../i18n/i18n-context.js';

export interface SessionRowProps {
  readonly roleView: RoleView;
  /** Main's clock, ticking. */
  readonly now: number;
  readonly activating: boolean;
  readonly onActivate: (role: RoleView) => void;
}

/** Something to renew or sign out of: credentials written, or the engine working on some. */
export function hasSession({ expiresAt, status }: Pick<RoleView, 'expiresAt' | 'status'>): boolean {
  return expiresAt !== null || status !== 'idle';
}

export function SessionRow({ roleView, now, activating, onActivate }: SessionRowProps) {
  const { t, time, endTime } = useI18n();
  const { role, status, expiresAt, nextRenewalAt, lastError, active, profileName } = roleView;
  const [format, setFormat] = useState<ExportFormat>('bash');
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const signedIn = hasSession(roleView);
  const live = expiresAt !== null && expiresAt > now;
  // Activating the role already in use with live credentials would only assume it again:
  // the row offers Renew (and Copy) instead; once its credentials end, Activate comes back.
  const inUse = active && live;
  const formatId = `format-${role.name}`;

  const run = async (action: () => Promise<NoticeMessage>) => {
    setWorking(true);
    setNotice(null);
    setNotice(await action());
    setWorking(false);
  };

  const renew = () =>
    run(async () => resultNotice(t, await request('session:renew', { role: role.name }), () => t('sessions.renewed')));

  const copy = () =>
    run(async () =>
      resultNotice(t, await request('exports:copy', { role: role.name, format }), ({ clearsAt }) =>
        t('sessions.copied', { time: time(clearsAt) }),
      ),
    );

  const signOut = () =>
    run(async () => resultNotice(t, await request('session:sign-out', { role: role.name }), () => t('sessions.signedOut')));

  return (
    <li className={active ? 'session-row session-active' : 'session-row'} data-role={role.name} data-testid={`session-${role.name}`}>
      <div className="session-head">
        <h3 className="session-name">{role.name}</h3>
        <EnvBadge env={role.env} />
        <span
          className={`status status-${status}`}
          data-testid="session-status"
          title={status === 'active' ? t('sessions.activeHint') : undefined}
        >
          {t(`status.${status}`)}
        </span>
        {active ? (
          <span className="tag tag-active" title={t('sessions.currentHint')}>
            {t('sessions.active')}
          </span>
        ) : null}
        {role.mirrorDefault ? (
          <span className="tag tag-default" data-testid="session-mirror-default">
            {t('sessions.mirrorsDefault')}
          </span>
        ) : null}
      </div>
      <p className="session-profile">{t('sessions.profile', { profile: profileName })}</p>
      <p className="session-times">
        {expiresAt === null ? (
          <span>{t('sessions.noSession')}</span>
        ) : live ? (
          <span data-testid="session-expires">
            {t('sessions.expiresIn', { countdown: formatCountdown(expiresAt - now), time: endTime(expiresAt, now) })}
          </span>
        ) : (
          <span data-testid="session-expires">{t('sessions.expiredAt', { time: endTime(expiresAt, now) })}</span>
        )}
        {nextRenewalAt !== null && live ? (
          <span data-testid="session-renews">
            {nextRenewalAt > now
              ? t('sessions.renewsIn', { countdown: formatCountdown(nextRenewalAt - now) })
              : t('sessions.renewDue')}
          </span>
        ) : null}
      </p>
      {lastError ? (
        <p className="session-error" data-testid="session-error">
          {errorText(t, lastError)}
        </p>
      ) : null}
      <div className="session-actions">
        {inUse ? null : (
          <button
            type="button"
            className="button-primary"
            aria-label={t('sessions.activateRole', { role: role.name })}
            disabled={activating}
            onClick={() => onActivate(roleView)}
          >
            {t('sessions.activate')}
          </button>
        )}
        <button
          type="button"
          className={inUse ? 'button-primary' : undefined}
          aria-label={t('sessions.renewRole', { role: role.name })}
          disabled={working || !signedIn}
          onClick={() => void renew()}
        >
          {t('sessions.renew')}
        </button>
        <span className="copy-group">
          <label htmlFor={formatId}>{t('sessions.format')}</label>
          <select
            id={formatId}
            value={format}
            onChange={(e) => setFormat(EXPORT_FORMATS.find((f) => f === e.target.value) ?? 'bash')}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format.${f}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label={t('sessions.copyRole', { role: role.name })}
            disabled={working || !live}
            onClick={() => void copy()}
          >
            {t('sessions.copy')}
          </button>
        </span>
        <button
          type="button"
          className="button-danger-quiet"
          aria-label={t('sessions.signOutRole', { role: role.name })}
          disabled={working || !signedIn}
          onClick={() => void signOut()}
        >
          {t('sessions.signOut')}
        </button>
      </div>
      <Notice notice={notice} testId={`session-notice-${role.name}`} />
    </li>
  );
}
