// Preferences: every field of preferencesSchema, saved whole ('preferences:set' takes the
// whole object), and the files sts-tray writes, read-only.

import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language, type Preferences } from '../../../electron/contract/config-schema.js';
import type { AppView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { CheckboxField, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import {
  PREFERENCE_FIELDS,
  checkPreferencesDraft,
  draftFromPreferences,
  type KeepOrRemove,
  type PreferenceField,
  type PreferencesDraft,
} from '../forms/preferences-form-model.js';
import { focusControl, useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n-context.js';

const NOTIFICATION_KINDS = ['mfaExpiring', 'renewalFailed', 'expired', 'switchedPrd'] as const;

export function PreferencesView({ view }: { view: AppView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="preferences-title" className="view">
      <h1 id="preferences-title">{t('preferences.title')}</h1>
      {/* Re-mounted when main's preferences change, so the form shows what is saved. */}
      <PreferencesForm key={JSON.stringify(view.preferences)} preferences={view.preferences} />
      <section aria-labelledby="paths-title" className="card">
        <h2 id="paths-title">{t('preferences.paths')}</h2>
        <dl className="paths" data-testid="paths">
          <dt>{t('preferences.credentialsFile')}</dt>
          <dd className="mono" data-testid="path-credentials">
            {view.paths.credentials}
          </dd>
          <dt>{t('preferences.configFile')}</dt>
          <dd className="mono" data-testid="path-config">
            {view.paths.config}
          </dd>
          <dt>{t('preferences.appConfigFile')}</dt>
          <dd className="mono" data-testid="path-app-config">
            {view.paths.appConfig}
          </dd>
        </dl>
        <p className="field-hint">{t('preferences.pathsHint')}</p>
      </section>
    </section>
  );
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t } = useI18n();
  const form = useForm<PreferencesDraft, PreferenceField>(
    () => draftFromPreferences(preferences),
    PREFERENCE_FIELDS,
    checkPreferencesDraft,
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const { draft } = form;
  const id = (field: PreferenceField) => `pref-${field}`;
  const number = (field: PreferenceField) => ({
    id: id(field),
    inputMode: 'decimal' as const,
    value: draft[field],
    problem: form.messageOf(field),
    onChange: (value: string) => form.update({ [field]: value }, [field]),
    onBlur: () => form.touch(field, draft[field]),
  });
  const keepRemove: { value: KeepOrRemove; label: string }[] = [
    { value: 'keep', label: t('preferences.keep') },
    { value: 'remove', label: t('preferences.remove') },
  ];
  const languages = LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const check = checkPreferencesDraft(draft);
    const first = form.submit();
    setNotice(null);
    if (check.preferences === null) {
      if (first) focusControl(id(first));
      return;
    }
    setBusy(true);
    const r = await request('preferences:set', { preferences: check.preferences });
    setBusy(false);
    // On success the new view re-mounts this form; the notice is for a failure.
    if (!r.ok) setNotice({ tone: 'error', text: errorText(t, r.error) });
  };

  return (
    <form className="card form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('preferences.title')} data-testid="preferences-form">
      <fieldset>
        <legend>{t('preferences.renewal')}</legend>
        <div className="form-grid">
          <TextField {...number('renewalLeadMinutes')} label={t('preferences.renewalLead')} hint={t('preferences.renewalLeadHint')} />
          <TextField {...number('mfaWarningMinutes')} label={t('preferences.mfaWarnings')} hint={t('preferences.mfaWarningsHint')} />
          <TextField {...number('clipboardClearSeconds')} label={t('preferences.clipboardClear')} hint={t('preferences.clipboardClearHint')} />
        </div>
        <div className="form-grid">
          <SelectField<KeepOrRemove>
            id="pref-onExpired"
            label={t('preferences.onExpired')}
            hint={t('preferences.onExpiredHint')}
            value={draft.onExpired}
            options={keepRemove}
            onChange={(onExpired) => form.update({ onExpired }, [])}
          />
          <SelectField<KeepOrRemove>
            id="pref-onQuit"
            label={t('preferences.onQuit')}
            hint={t('preferences.onQuitHint')}
            value={draft.onQuit}
            options={keepRemove}
            onChange={(onQuit) => form.update({ onQuit }, [])}
          />
        </div>
        <CheckboxField
          id="pref-confirmPrd"
          label={t('preferences.confirmPrd')}
          checked={draft.confirmPrd}
          onChange={(confirmPrd) => form.update({ confirmPrd }, [])}
        />
      </fieldset>
      <fieldset>
        <legend>{t('preferences.notifications')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <CheckboxField
            key={kind}
            id={`pref-notify-${kind}`}
            label={t(`preferences.notify.${kind}`)}
            checked={draft.notifications[kind]}
            onChange={(on) => form.update({ notifications: { ...draft.notifications, [kind]: on } }, [])}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('preferences.general')}</legend>
        <CheckboxField
          id="pref-launchAtLogin"
          label={t('preferences.launchAtLogin')}
          checked={draft.launchAtLogin}
          onChange={(launchAtLogin) => form.update({ launchAtLogin }, [])}
        />
        <div className="form-grid">
          <SelectField<Language>
            id="pref-language"
            label={t('preferences.language')}
            value={draft.language}
            options={languages}
            onChange={(language) => form.update({ language }, [])}
          />
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton disabled={busy} label={t('preferences.save')} />
      </div>
      <Notice notice={notice} testId="preferences-notice" />
    </form>
  );
}
