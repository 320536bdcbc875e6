// Identities: the IAM users whose long-lived keys sit in the keychain. Listed with masked key
// IDs and their MFA session; added through IdentityForm; removed after a confirmation.

import { useState } from 'react';
import type { AppView, IdentityView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import type { ConfirmRequest } from '../components/confirm-dialog.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { TableHead } from '../components/table-head.js';
import type { Tab } from '../components/tab-bar.js';
import { replaceKeyDraft } from '../forms/identity-form-model.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useClock } from '../state/use-clock.js';
import { IdentityForm } from './identity-form.js';
import { SsoSection } from './sso-section.js';
import { KeyFactsPanel } from './key-facts-panel.js';

export interface IdentitiesViewProps {
  readonly view: AppView;
  /** Main's clock minus ours (see use-app-view.ts), for the MFA session countdowns. */
  readonly offset: number;
  readonly autoFocusForm: boolean;
  readonly onConfirm: (request: ConfirmRequest) => void;
  readonly onNavigate: (tab: Tab) => void;
  /** Opens the import of the keys and role profiles in ~/.aws. */
  readonly onImport: () => void;
}

export function IdentitiesView({ view, offset, autoFocusForm, onConfirm, onNavigate, onImport }: IdentitiesViewProps) {
  const { t, span, endTime } = useI18n();
  const now = useClock(offset);
  const [replacing, setReplacing] = useState<IdentityView | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [justAdded, setJustAdded] = useState(false);
  const [keyOf, setKeyOf] = useState<string | null>(null);

  const remove = (identity: IdentityView) =>
    onConfirm({
      title: t('identities.removeConfirm', { name: identity.name }),
      body: t('identities.removeBody'),
      confirmLabel: t('common.remove'),
      danger: true,
      onConfirm: () =>
        void request('identity:remove', { name: identity.name }).then((r) =>
          setNotice(resultNotice(t, r, () => t('identities.removed', { name: identity.name }))),
        ),
    });

  const mfaLeft = (identity: IdentityView) =>
    identity.mfaSessionExpiresAt !== null && identity.mfaSessionExpiresAt > now
      ? t('identities.mfaLeft', { span: span(identity.mfaSessionExpiresAt - now), time: endTime(identity.mfaSessionExpiresAt, now) })
      : t('identities.mfaNone');

  return (
    <section aria-labelledby="identities-title" className="view">
      <h1 id="identities-title">{t('identities.title')}</h1>
      <p className="view-intro">{t('identities.intro')}</p>
      <p>
        <button type="button" data-testid="identities-import" onClick={onImport}>
          {t('identities.import')}
        </button>
      </p>

      <IdentityForm
        key={replacing?.name ?? ''}
        initial={replacing ? replaceKeyDraft(replacing) : null}
        autoFocus={autoFocusForm || replacing !== null}
        onAdded={() => {
          setReplacing(null);
          setJustAdded(true);
        }}
        onCancelReplace={() => setReplacing(null)}
      />
      {justAdded && view.roles.length === 0 ? (
        <p className="next-step">
          {t('identities.nextStep')}{' '}
          <button type="button" className="button-link" onClick={() => onNavigate('roles')}>
            {t('identities.goToRoles')}
          </button>
        </p>
      ) : null}

      <h2>{t('identities.listTitle')}</h2>
      <Notice notice={notice} testId="identities-notice" />
      {view.identities.length === 0 ? (
        <p className="empty">{t('identities.none')}</p>
      ) : (
        <table className="table" data-testid="identities-table">
          <TableHead
            columns={['identities.name', 'identities.accessKeyId', 'identities.mfaSerial', 'identities.region', 'identities.mfaSession']}
            actions
          />
          <tbody>
            {view.identities.map((identity) => (
              <tr key={identity.name} data-identity={identity.name}>
                <th scope="row">{identity.name}</th>
                <td className="mono" data-testid="identity-key">
                  {identity.accessKeyIdMasked}
                </td>
                <td className="mono wrap">{identity.mfaSerial ?? t('identities.noMfa')}</td>
                <td>{identity.region}</td>
                <td data-testid="identity-mfa-session">{mfaLeft(identity)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={t('identities.keyFactsOf', { name: identity.name })}
                    aria-pressed={keyOf === identity.name}
                    onClick={() => setKeyOf(keyOf === identity.name ? null : identity.name)}
                  >
                    {t('identities.keyFacts')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('identities.replaceKeyOf', { name: identity.name })}
                    onClick={() => setReplacing(identity)}
                  >
                    {t('identities.replaceKey')}
                  </button>
                  <button
                    type="button"
                    className="button-danger-quiet"
                    aria-label={t('identities.removeIdentity', { name: identity.name })}
                    onClick={() => remove(identity)}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SsoSection view={view} offset={offset} />
      {keyOf !== null && view.identities.some((i) => i.name === keyOf) ? <KeyFactsPanel key={keyOf} name={keyOf} onConfirm={onConfirm} /> : null}
    </section>
  );
}
