// The quick form for the common pattern: one role name in the tes, stg and prd accounts,
// `arn:aws:iam::<account>:role/<env>-<role>`. A blank account is skipped. Each account may have
// its own external ID; a blank one takes the shared one. The ARNs to be created are shown as
// they are typed.

import { useState, type FormEvent } from 'react';
import { request } from '../api.js';
import { CheckboxField, FieldError, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import {
  QUICK_ENVIRONMENTS,
  QUICK_FIELDS,
  checkQuickDraft,
  emptyQuickDraft,
  quickPreview,
  type QuickDraft,
  type QuickField,
} from '../forms/quick-roles-model.js';
import { focusControl, useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n-context.js';

export function QuickRolesForm({ identities }: { identities: readonly string[] }) {
  const { t } = useI18n();
  const form = useForm<QuickDraft, QuickField>(() => emptyQuickDraft(identities[0] ?? ''), QUICK_FIELDS, checkQuickDraft);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const { draft } = form;
  // "externalIds.tes" → "quick-externalIds-tes": a dot in an id would read as a class in CSS selectors.
  const id = (field: QuickField) => `quick-${field.replace('.', '-')}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const check = checkQuickDraft(draft);
    const first = form.submit();
    setNotice(null);
    if (check.request === null) {
      if (first) focusControl(first === 'accounts' ? id('tes') : id(first));
      return;
    }
    setBusy(true);
    const r = await request('role:add-environments', check.request);
    setBusy(false);
    if (r.ok) {
      setNotice({ tone: 'ok', text: t('quick.added', { names: r.value.map((v) => v.role.name).join(', ') }) });
      form.reset(emptyQuickDraft(draft.identity));
      return;
    }
    setNotice({ tone: 'error', text: form.refuse(r.error) ? t('form.fixFields') : errorText(t, r.error) });
  };

  const preview = quickPreview(draft);

  return (
    <form className="card form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="quick-title" data-testid="quick-form">
      <h2 id="quick-title">{t('quick.title')}</h2>
      <p className="view-intro">{t('quick.intro')}</p>
      <div className="form-grid">
        <SelectField<string>
          id={id('identity')}
          label={t('roles.identity')}
          value={draft.identity}
          options={identities.map((name) => ({ value: name, label: name }))}
          problem={form.messageOf('identity')}
          onChange={(identity) => form.update({ identity }, ['identity'])}
        />
        <TextField
          id={id('roleName')}
          label={t('quick.roleName')}
          hint={t('quick.roleNameHint')}
          placeholder="repository"
          value={draft.roleName}
          problem={form.messageOf('roleName')}
          onChange={(roleName) => form.update({ roleName }, ['roleName'])}
          onBlur={() => form.touch('roleName', draft.roleName)}
        />
      </div>
      <fieldset aria-describedby={form.messageOf('accounts') ? 'quick-accounts-error' : undefined}>
        <legend>{t('quick.accounts')}</legend>
        <div className="form-grid form-grid-3">
          {QUICK_ENVIRONMENTS.map((env) => {
            const own = `externalIds.${env}` as const;
            return (
              <div key={env}>
                <TextField
                  id={id(env)}
                  inputMode="numeric"
                  label={t('quick.account', { env: t(`env.${env}`) })}
                  placeholder={t('quick.blankSkips')}
                  value={draft.accounts[env]}
                  problem={form.messageOf(env)}
                  onChange={(value) => form.update({ accounts: { ...draft.accounts, [env]: value } }, [env, 'accounts'])}
                  onBlur={() => form.touch(env, draft.accounts[env])}
                />
                <TextField
                  id={id(own)}
                  label={t('quick.externalIdOf', { env: t(`env.${env}`) })}
                  placeholder={t('quick.externalIdShared')}
                  value={draft.externalIds[env]}
                  problem={form.messageOf(own)}
                  onChange={(value) => form.update({ externalIds: { ...draft.externalIds, [env]: value } }, [own])}
                  onBlur={() => form.touch(own, draft.externalIds[env])}
                />
              </div>
            );
          })}
        </div>
        <FieldError id="quick-accounts-error" testId="error-quick-accounts" text={form.messageOf('accounts')} />
      </fieldset>
      <div className="form-grid">
        <TextField
          id={id('externalId')}
          label={t('quick.externalIdAll')}
          hint={t('quick.externalIdAllHint')}
          value={draft.externalId}
          problem={form.messageOf('externalId')}
          onChange={(externalId) => form.update({ externalId }, ['externalId'])}
          onBlur={() => form.touch('externalId', draft.externalId)}
        />
      </div>
      <CheckboxField id="quick-mfa" label={t('roles.mfa')} checked={draft.mfa} onChange={(mfa) => form.update({ mfa }, [])} />
      {preview.length > 0 ? (
        <ul className="arn-preview" aria-label={t('quick.preview')} data-testid="quick-preview">
          {preview.map(({ env, arn }) => (
            <li key={env}>{arn}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <SubmitButton disabled={busy} label={t('quick.submit')} />
      </div>
      <Notice notice={notice} testId="quick-notice" />
    </form>
  );
}
