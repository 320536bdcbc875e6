// Roles: the list (edit, remove), the full form, and the quick tes/stg/prd form. Roles need
// an identity to assume them from, so with none yet this view points to Identities.

import { useState } from 'react';
import type { AppView, RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import type { ConfirmRequest } from '../components/confirm-dialog.js';
import { EnvBadge } from '../components/env-badge.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { TableHead } from '../components/table-head.js';
import type { Tab } from '../components/tab-bar.js';
import { focusControl } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n-context.js';
import { QuickRolesForm } from './quick-roles-form.js';
import { RoleForm } from './role-form.js';

export interface RolesViewProps {
  readonly view: AppView;
  readonly onConfirm: (request: ConfirmRequest) => void;
  readonly onNavigate: (tab: Tab) => void;
}

export function RolesView({ view, onConfirm, onNavigate }: RolesViewProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<RoleView | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const identities = [...view.identities, ...(view.ssoIdentities ?? [])].map((i) => i.name);

  const remove = (roleView: RoleView) =>
    onConfirm({
      title: t('roles.removeConfirm', { name: roleView.role.name }),
      body: t('roles.removeBody', { profile: roleView.profileName }),
      confirmLabel: t('common.remove'),
      danger: true,
      onConfirm: () =>
        void request('role:remove', { name: roleView.role.name }).then((r) => {
          if (r.ok && editing?.role.name === roleView.role.name) setEditing(null);
          setNotice(resultNotice(t, r, () => t('roles.removed', { name: roleView.role.name })));
        }),
    });

  const edit = (roleView: RoleView) => {
    setEditing(roleView);
    setNotice(null);
    // The form re-mounts for the role; move there so keyboard users follow.
    window.setTimeout(() => focusControl('role-name'), 0);
  };

  if (identities.length === 0) {
    return (
      <section aria-labelledby="roles-title" className="view">
        <h1 id="roles-title">{t('roles.title')}</h1>
        <div className="empty" data-testid="roles-need-identity">
          <p>{t('roles.needIdentity')}</p>
          <button type="button" className="button-primary" onClick={() => onNavigate('identities')}>
            {t('roles.goToIdentities')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="roles-title" className="view">
      <h1 id="roles-title">{t('roles.title')}</h1>
      <Notice notice={notice} testId="roles-notice" />
      {view.roles.length === 0 ? (
        <p className="empty">{t('roles.none')}</p>
      ) : (
        <table className="table" data-testid="roles-table">
          <TableHead columns={['roles.name', 'roles.env', 'roles.identity', 'roles.roleArn', 'roles.profile']} actions />
          <tbody>
            {view.roles.map((r) => (
              <tr key={r.role.name} data-role={r.role.name}>
                <th scope="row">{r.role.name}</th>
                <td>
                  <EnvBadge env={r.role.env} />
                </td>
                <td>
                  {r.role.identity}
                  {r.role.sourceRole !== undefined ? ` ${t('roles.via', { name: r.role.sourceRole })}` : ''}
                </td>
                <td className="mono wrap">{r.role.roleArn}</td>
                <td className="mono">
                  {r.profileName}
                  {r.role.mirrorDefault ? ` ${t('roles.plusDefault')}` : ''}
                </td>
                <td className="row-actions">
                  <button type="button" aria-label={t('roles.editRole', { name: r.role.name })} onClick={() => edit(r)}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button-danger-quiet"
                    aria-label={t('roles.removeRole', { name: r.role.name })}
                    onClick={() => remove(r)}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <RoleForm
        key={editing?.role.name ?? ''}
        identities={identities}
        roles={view.roles.map((r) => r.role)}
        editing={editing}
        onDone={(message) => {
          setEditing(null);
          setNotice({ tone: 'ok', text: message });
        }}
        onCancel={() => setEditing(null)}
      />
      <QuickRolesForm identities={identities} />
    </section>
  );
}
