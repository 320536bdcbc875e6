// First run: no identity yet. Says what the app does and leads to adding the first identity,
// or to importing the keys and role profiles already in ~/.aws.

import { useI18n } from '../i18n/i18n-context.js';

export function Onboarding({ onStart, onImport }: { onStart: () => void; onImport: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="onboarding-title" className="view onboarding" data-testid="onboarding">
      <h1 id="onboarding-title">{t('onboarding.title')}</h1>
      <p>{t('onboarding.intro')}</p>
      <ol className="onboarding-steps">
        <li>{t('onboarding.step1')}</li>
        <li>{t('onboarding.step2')}</li>
        <li>{t('onboarding.step3')}</li>
      </ol>
      <p className="onboarding-note">{t('onboarding.keychain')}</p>
      <button type="button" className="button-primary" data-testid="onboarding-start" onClick={onStart}>
        {t('onboarding.start')}
      </button>
      <p className="onboarding-note">{t('onboarding.importHint')}</p>
      <button type="button" data-testid="onboarding-import" onClick={onImport}>
        {t('onboarding.import')}
      </button>
    </section>
  );
}
