// IAM Identity Center sign-ins in the Identities view: add one from its start URL and SSO
// region, sign in (main opens the page; the code to compare is shown here until approved),
// find its accounts and roles and add the chosen ones with the environment and name the
// person settles on, sign out, remove. No token ever reaches this page.

import { useState, type FormEvent } from 'react';
import type { DiscoveredRoleView, SsoIdentityView } from '../../../electron/contract/sso-views.js';
import type { AppView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { EnvSelect } from '../components/env-select.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { TableHead } from '../components/table-head.js';
import { errorText } from '../format/error-text.js';
import { formatCountdown } from '../format/time.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useClock } from '../state/use-clock.js';

interface Choice extends DiscoveredRoleView {
  readonly chosen: boolean;
}

export function SsoSection({ view, offset }: { view: AppView; offset: number }) {
  const { t } = useI18n();
  const now = useClock(offset);
  const [draft, setDraft] = useState({ name: '', startUrl: '', region: '' });
  /** Main's sentence for a field it refused (the contract's own check), shown under that field. */
  const [refused, setRefused] = useState<{ field: string; message: string } | null>(null);
  const problem = (field: keyof typeof draft) => (refused?.field === `identity.${field}` ? refused.message : null);
  const edit = (field: keyof typeof draft) => (value: string) => {
    setDraft({ ...draft, [field]: value });
    if (refused?.field === `identity.${field}`) setRefused(null);
  };
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ name: string; roles: Choice[] } | null>(null);
  const identities = view.ssoIdentities ?? [];
  const pending = view.ssoSignIn ?? null;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await request('sso:add', { identity: { name: draft.name.trim(), startUrl: draft.startUrl.trim(), region: draft.region.trim() } });
    setBusy(false);
    const field = r.ok ? undefined : r.error.field;
    if (!r.ok && field !== undefined && r.error.code === 'validation') {
      setRefused({ field, message: r.error.message });
      setNotice({ tone: 'error', text: t('form.fixFields') });
      return;
    }
    setRefused(null);
    setNotice(resultNotice(t, r, (added) => t('sso.added', { name: added.name })));
    if (r.ok) setDraft({ name: '', startUrl: '', region: '' });
  };

  const signIn = async (name: string) => {
    const r = await request('sso:sign-in', { name });
    setNotice(r.ok ? null : { tone: 'error', text: errorText(t, r.error) });
  };

  const discover = async (name: string) => {
    const r = await request('sso:discover', { name });
    if (!r.ok) {
      setNotice({ tone: 'error', text: errorText(t, r.error) });
      return;
    }
    setFound({ name, roles: r.value.map((d) => ({ ...d, chosen: d.added === null })) });
    setNotice(null);
  };

  const addChosen = async () => {
    if (!found) return;
    const roles = found.roles.filter((d) => d.chosen && d.added === null).map(({ accountId, roleName, env, name }) => ({ accountId, roleName, env, name }));
    const r = await request('sso:add-roles', { name: found.name, roles });
    setNotice(resultNotice(t, r, (added) => t('sso.rolesAdded', { count: added.length })));
    if (r.ok) setFound(null);
  };

  const simple = async (channel: 'sso:sign-out' | 'sso:remove', name: string, okKey: 'sso.signedOut' | 'sso.removed') => {
    const r = await request(channel, { name });
    setNotice(resultNotice(t, r, () => t(okKey, { name })));
  };

  const change = (index: number, patch: Partial<Choice>) =>
    setFound((f) => (f ? { ...f, roles: f.roles.map((d, i) => (i === index ? { ...d, ...patch } : d)) } : f));

  const signedIn = (identity: SsoIdentityView) =>
    identity.signInEndsAt !== null && identity.signInEndsAt > now
      ? t('sso.signedInFor', { countdown: formatCountdown(identity.signInEndsAt - now) })
      : t('sso.notSignedIn');

  return (
    <section aria-labelledby="sso-title" className="sso" data-testid="sso-section">
      <h2 id="sso-title">{t('sso.title')}</h2>
      <p className="view-intro">{t('sso.intro')}</p>

      {pending ? (
        <div className="card" role="status" data-testid="sso-pending">
          <p>{t('sso.pending', { name: pending.identity })}</p>
          <p className="mono sso-code" data-testid="sso-user-code">
            {pending.userCode}
          </p>
          <p className="mono wrap" data-testid="sso-page">
            {pending.verificationUri}
          </p>
          <button type="button" onClick={() => void request('sso:cancel-sign-in', {})}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}

      <form className="card form" noValidate onSubmit={(e) => void add(e)} aria-labelledby="sso-form-title" data-testid="sso-form">
        <h3 id="sso-form-title">{t('sso.addTitle')}</h3>
        <div className="form-grid">
          <TextField id="sso-name" label={t('identities.name')} value={draft.name} problem={problem('name')} onChange={edit('name')} />
          <TextField
            id="sso-startUrl"
            label={t('sso.startUrl')}
            placeholder="https://my-company.awsapps.com/start"
            value={draft.startUrl}
            problem={problem('startUrl')}
            onChange={edit('startUrl')}
          />
          <TextField
            id="sso-region"
            label={t('sso.region')}
            hint={t('sso.regionHint')}
            placeholder="ap-northeast-1"
            value={draft.region}
            problem={problem('region')}
            onChange={edit('region')}
          />
        </div>
        <div className="actions">
          <SubmitButton disabled={busy} label={t('sso.addSubmit')} />
        </div>
      </form>

      <Notice notice={notice} testId="sso-notice" />
      {identities.length === 0 ? (
        <p className="empty">{t('sso.none')}</p>
      ) : (
        <table className="table" data-testid="sso-table">
          <TableHead columns={['identities.name', 'sso.startUrl', 'sso.region', 'sso.signIn']} actions />
          <tbody>
            {identities.map((identity) => (
              <tr key={identity.name} data-sso={identity.name}>
                <th scope="row">{identity.name}</th>
                <td className="mono wrap">{identity.startUrl}</td>
                <td>{identity.region}</td>
                <td data-testid="sso-signed-in">{signedIn(identity)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => void signIn(identity.name)}>
                    {t('sso.signInAction')}
                  </button>
                  <button type="button" onClick={() => void discover(identity.name)}>
                    {t('sso.findRoles')}
                  </button>
                  <button type="button" onClick={() => void simple('sso:sign-out', identity.name, 'sso.signedOut')}>
                    {t('sso.signOut')}
                  </button>
                  <button type="button" className="button-danger-quiet" onClick={() => void simple('sso:remove', identity.name, 'sso.removed')}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {found ? (
        <div className="card" data-testid="sso-found">
          <h3>{t('sso.foundTitle', { name: found.name })}</h3>
          <table className="table">
            <TableHead columns={['sso.add', 'identities.name', 'roles.env', 'sso.account', 'sso.permissionSet']} />
            <tbody>
              {found.roles.map((d, i) => (
                <tr key={`${d.accountId}/${d.roleName}`} data-found={d.name}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('sso.addRole', { name: d.name })}
                      checked={d.chosen}
                      disabled={d.added !== null}
                      onChange={(e) => change(i, { chosen: e.target.checked })}
                    />
                  </td>
                  <td>
                    {d.added !== null ? (
                      t('sso.alreadyAdded', { name: d.added })
                    ) : (
                      <input aria-label={t('sso.roleName', { name: d.name })} value={d.name} onChange={(e) => change(i, { name: e.target.value })} />
                    )}
                  </td>
                  <td>
                    <EnvSelect
                      label={t('sso.roleEnv', { name: d.name })}
                      value={d.env}
                      disabled={d.added !== null}
                      onChange={(env) => change(i, { env })}
                    />
                  </td>
                  <td>
                    {d.accountId} ({d.accountName})
                  </td>
                  <td>{d.roleName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void addChosen()}>
              {t('sso.addChosen')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
