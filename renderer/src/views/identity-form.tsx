// Adding an identity (or a new key for one): the secret is a write-only password field,
// emptied the moment the form is sent whatever happens next. Main checks the key with
// GetCallerIdentity and answers with the account and ARN, which are shown.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request } from '../api.js';
import { SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import {
  IDENTITY_FIELDS,
  checkIdentityDraft,
  emptyIdentityDraft,
  refusalAtField,
  type DurationUnit,
  type IdentityDraft,
  type IdentityField,
} from '../forms/identity-form-model.js';
import { focusControl, useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n-context.js';

export interface IdentityFormProps {
  /** Set to open the form for a new key of an existing identity. */
  readonly initial: IdentityDraft | null;
  readonly autoFocus: boolean;
  readonly onAdded: () => void;
  readonly onCancelReplace: () => void;
}

export function IdentityForm({ initial, autoFocus, onAdded, onCancelReplace }: IdentityFormProps) {
  const { t } = useI18n();
  const form = useForm<IdentityDraft, IdentityField>(() => initial ?? emptyIdentityDraft(), IDENTITY_FIELDS, checkIdentityDraft);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  // A field main refused gets the focus once its message is in the page, so a screen reader
  // reads the message with the field (it is the field's description).
  const [focusAfterRefusal, setFocusAfterRefusal] = useState<IdentityField | null>(null);
  const { draft } = form;
  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);
  const id = (field: IdentityField) => `identity-${field}`;
  useEffect(() => {
    if (focusAfterRefusal === null) return;
    focusControl(`identity-${focusAfterRefusal}`);
    setFocusAfterRefusal(null);
  }, [focusAfterRefusal]);
  const text = (field: Exclude<IdentityField, 'mfaSessionSeconds'>) => ({
    id: id(field),
    value: draft[field],
    problem: form.messageOf(field),
    onChange: (value: string) => form.update({ [field]: value }, [field]),
    onBlur: () => form.touch(field, draft[field]),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const secretAccessKey = draft.secretAccessKey;
    const check = checkIdentityDraft(draft);
    // Whatever comes next, the secret leaves the page's state now.
    form.update({ secretAccessKey: '' }, []);
    const first = form.submit();
    setNotice(null);
    if (check.identity === null) {
      if (first) focusControl(id(first));
      return;
    }
    setBusy(true);
    const r = await request('identity:add', {
      identity: check.identity,
      secretAccessKey,
      ...(draft.replace ? { replace: true } : {}),
    });
    setBusy(false);
    if (r.ok) {
      const { account, arn, identity } = r.value;
      setNotice({
        tone: 'ok',
        text:
          account !== null && arn !== null
            ? t('identities.verified', { account, arn })
            : t('identities.saved', { name: identity.name }),
      });
      form.reset(emptyIdentityDraft());
      onAdded();
      return;
    }
    const field = form.refuse(refusalAtField(r.error));
    setNotice({ tone: 'error', text: field ? t('form.fixFields') : errorText(t, r.error) });
    setFocusAfterRefusal(field);
  };

  const unitOptions: { value: DurationUnit; label: string }[] = [
    { value: 'hours', label: t('unit.hoursName') },
    { value: 'seconds', label: t('unit.secondsName') },
  ];

  return (
    <form className="card form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="identity-form-title" data-testid="identity-form">
      <h2 id="identity-form-title">
        {draft.replace ? t('identities.replaceTitle', { name: draft.name }) : t('identities.addTitle')}
      </h2>
      <div className="form-grid">
        <TextField
          {...text('name')}
          label={t('identities.name')}
          hint={t('identities.nameHint')}
          readOnly={draft.replace}
          inputRef={nameRef}
        />
        <TextField {...text('accessKeyId')} label={t('identities.accessKeyId')} placeholder="AKIA…" />
        <TextField
          {...text('secretAccessKey')}
          type="password"
          autoComplete="new-password"
          label={t('identities.secret')}
          hint={t('identities.secretHint')}
        />
        <TextField
          {...text('mfaSerial')}
          label={t('identities.mfaSerial')}
          hint={t('identities.mfaSerialHint')}
          placeholder="arn:aws:iam::123456789012:mfa/name"
        />
        <TextField {...text('region')} label={t('identities.region')} placeholder="ap-northeast-1" />
        <div className="field-pair">
          <TextField
            id={id('mfaSessionSeconds')}
            label={t('identities.mfaSessionLength')}
            inputMode="numeric"
            value={draft.sessionLength}
            problem={form.messageOf('mfaSessionSeconds')}
            onChange={(value) => form.update({ sessionLength: value }, ['mfaSessionSeconds'])}
            onBlur={() => form.touch('mfaSessionSeconds', draft.sessionLength)}
          />
          <SelectField
            id="identity-sessionUnit"
            label={t('identities.unit')}
            value={draft.sessionUnit}
            options={unitOptions}
            onChange={(value) => form.update({ sessionUnit: value }, ['mfaSessionSeconds'])}
          />
        </div>
      </div>
      <div className="actions">
        <SubmitButton
          disabled={busy}
          label={busy ? t('identities.verifying') : draft.replace ? t('identities.replaceSubmit') : t('identities.addSubmit')}
        />
        {draft.replace ? (
          <button
            type="button"
            onClick={() => {
              form.reset(emptyIdentityDraft());
              onCancelReplace();
            }}
          >
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      <Notice notice={notice} testId="identity-notice" />
    </form>
  );
}
