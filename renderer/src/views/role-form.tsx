// Adding or editing a role: every field of roleSchema. The ARN is typed whole or built from
// an account ID and a role name. Checked as typed with the contract's rules; what main
// still refuses is shown at the field it names.

import { useState, type FormEvent } from 'react';
import { ENVIRONMENTS, type Environment } from '../../../electron/contract/config-schema.js';
import { resolveChain, type ChainLink } from '../../../electron/contract/role-chain.js';
import type { RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { CheckboxField, FieldError, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import {
  ROLE_FIELDS,
  checkRoleDraft,
  draftArn,
  draftFromRole,
  emptyRoleDraft,
  type ArnMode,
  type RoleDraft,
  type RoleField,
} from '../forms/role-form-model.js';
import { focusControl, useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n-context.js';

export interface RoleFormProps {
  readonly identities: readonly string[];
  /** The roles there are: this one may be chained from any whose chain does not pass through it. */
  readonly roles: readonly ChainLink[];
  /** The role being edited; null to add one. */
  readonly editing: RoleView | null;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}

type TextKey = 'name' | 'accountId' | 'roleName' | 'roleArn' | 'externalId' | 'durationSeconds' | 'sessionName' | 'region' | 'profile';

export function RoleForm({ identities, roles, editing, onDone, onCancel }: RoleFormProps) {
  const { t } = useI18n();
  const form = useForm<RoleDraft, RoleField>(
    () => (editing ? draftFromRole(editing.role) : emptyRoleDraft(identities[0] ?? '')),
    ROLE_FIELDS,
    checkRoleDraft,
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const { draft } = form;
  const id = (field: RoleField) => `role-${field}`;
  const text = (field: TextKey) => ({
    id: id(field),
    value: draft[field],
    problem: form.messageOf(field),
    // Editing a part of the ARN is editing the ARN: main's word about it no longer holds.
    onChange: (value: string) => form.update({ [field]: value }, field === 'accountId' || field === 'roleName' ? [field, 'roleArn'] : [field]),
    onBlur: () => form.touch(field, draft[field]),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const check = checkRoleDraft(draft);
    const first = form.submit();
    setNotice(null);
    if (check.role === null) {
      if (first) focusControl(first === 'roleArn' && draft.arnMode === 'parts' ? id('accountId') : id(first));
      return;
    }
    setBusy(true);
    const r = await request('role:save', { role: check.role, ...(editing ? { previousName: editing.role.name } : {}) });
    setBusy(false);
    if (r.ok) {
      onDone(t(editing ? 'roles.updated' : 'roles.added', { name: r.value.role.name }));
      if (!editing) form.reset(emptyRoleDraft(draft.identity));
      return;
    }
    setNotice({ tone: 'error', text: form.refuse(r.error) ? t('form.fixFields') : errorText(t, r.error) });
  };

  const envOptions = ENVIRONMENTS.map((env) => ({ value: env, label: t(`env.${env}`) }));
  const identityOptions = identities.map((name) => ({ value: name, label: name }));
  const chained = draft.sourceRole !== '';
  const sourceOptions = [
    { value: '', label: t('roles.sourceIdentity') },
    ...sourceCandidates(roles, editing?.role.name).map((name) => ({ value: name, label: t('roles.sourceRoleOption', { name }) })),
  ];
  const setMode = (arnMode: ArnMode) =>
    form.update(
      // Switching to the whole ARN starts from what the parts make, so nothing typed is lost.
      arnMode === 'arn' && draft.arnMode === 'parts' && draft.accountId !== '' ? { arnMode, roleArn: draftArn(draft) } : { arnMode },
      ['roleArn', 'accountId', 'roleName'],
    );

  return (
    <form className="card form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="role-form-title" data-testid="role-form">
      <h2 id="role-form-title">{editing ? t('roles.editTitle', { name: editing.role.name }) : t('roles.addTitle')}</h2>
      <div className="form-grid">
        <TextField {...text('name')} label={t('roles.name')} hint={t('roles.nameHint')} />
        <SelectField<Environment>
          id={id('env')}
          label={t('roles.env')}
          value={draft.env}
          options={envOptions}
          onChange={(env) => form.update({ env }, ['env'])}
        />
        {roles.length > 0 ? (
          <SelectField<string>
            id={id('sourceRole')}
            label={t('roles.source')}
            hint={t('roles.sourceHint')}
            value={draft.sourceRole}
            options={sourceOptions}
            problem={form.messageOf('sourceRole')}
            onChange={(sourceRole) => form.update({ sourceRole }, ['sourceRole', 'durationSeconds'])}
          />
        ) : null}
        {identities.length > 0 && !chained ? (
          <SelectField<string>
            id={id('identity')}
            label={t('roles.identity')}
            value={draft.identity}
            options={identityOptions}
            problem={form.messageOf('identity')}
            onChange={(identity) => form.update({ identity }, ['identity'])}
          />
        ) : null}
      </div>

      {/* An ARN built from account and role name has no input of its own: its error describes the group. */}
      <fieldset
        className="arn-mode"
        aria-describedby={draft.arnMode === 'parts' && form.messageOf('roleArn') ? 'role-roleArn-error' : undefined}
      >
        <legend>{t('roles.arnLegend')}</legend>
        <div className="radio-row">
          <input
            id="role-arnMode-parts"
            type="radio"
            name="role-arnMode"
            checked={draft.arnMode === 'parts'}
            onChange={() => setMode('parts')}
          />
          <label htmlFor="role-arnMode-parts">{t('roles.arnModeParts')}</label>
          <input
            id="role-arnMode-arn"
            type="radio"
            name="role-arnMode"
            checked={draft.arnMode === 'arn'}
            onChange={() => setMode('arn')}
          />
          <label htmlFor="role-arnMode-arn">{t('roles.arnModeArn')}</label>
        </div>
        {draft.arnMode === 'parts' ? (
          <>
            <div className="form-grid">
              <TextField {...text('accountId')} inputMode="numeric" label={t('roles.accountId')} placeholder="123456789012" />
              <TextField {...text('roleName')} label={t('roles.roleName')} placeholder="tes-deployer" />
            </div>
            {draft.accountId.trim() !== '' || draft.roleName.trim() !== '' ? (
              <p className="arn-preview" data-testid="role-arn-preview">
                {t('roles.arnPreview', { arn: draftArn(draft) })}
              </p>
            ) : null}
            <FieldError id="role-roleArn-error" testId="error-role-roleArn" text={form.messageOf('roleArn')} />
          </>
        ) : (
          <TextField {...text('roleArn')} label={t('roles.roleArn')} placeholder="arn:aws:iam::123456789012:role/name" />
        )}
      </fieldset>

      <div className="form-grid">
        <TextField {...text('externalId')} label={t('roles.externalId')} hint={t('common.optional')} />
        <TextField
          {...text('durationSeconds')}
          inputMode="numeric"
          label={t('roles.duration')}
          hint={t(chained ? 'roles.durationHintChained' : 'roles.durationHint')}
        />
        <TextField {...text('sessionName')} label={t('roles.sessionName')} hint={t('common.optional')} />
        <TextField {...text('region')} label={t('roles.region')} hint={t('roles.regionHint')} placeholder="ap-northeast-1" />
        <TextField {...text('profile')} label={t('roles.profile')} hint={t('roles.profileHint')} />
      </div>
      {chained ? (
        <p className="field-hint" data-testid="role-mfa-at-root">
          {t('roles.mfaAtRoot', { name: draft.sourceRole })}
        </p>
      ) : (
        <CheckboxField id="role-mfa" label={t('roles.mfa')} checked={draft.mfa} onChange={(mfa) => form.update({ mfa }, [])} />
      )}
      <CheckboxField
        id="role-mirrorDefault"
        label={t('roles.mirrorDefault')}
        hint={t('roles.mirrorDefaultHint')}
        checked={draft.mirrorDefault}
        onChange={(mirrorDefault) => form.update({ mirrorDefault }, [])}
      />
      <CheckboxField
        id="role-credentialProcess"
        label={t('roles.credentialProcess')}
        hint={t('roles.credentialProcessHint')}
        checked={draft.credentialProcess}
        onChange={(credentialProcess) => form.update({ credentialProcess }, [])}
      />
      <div className="actions">
        <SubmitButton disabled={busy} label={editing ? t('roles.saveSubmit') : t('roles.addSubmit')} />
        {editing ? (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      <Notice notice={notice} testId="role-notice" />
    </form>
  );
}

/** Roles the edited one may take as its source: not itself, nor one chained from it (a cycle). */
function sourceCandidates(roles: readonly ChainLink[], editing: string | undefined): string[] {
  return roles
    .filter((r) => {
      if (editing === undefined) return true;
      const chain = resolveChain(roles, r.name);
      return r.name !== editing && (!chain.ok || !chain.chain.includes(editing));
    })
    .map((r) => r.name);
}
