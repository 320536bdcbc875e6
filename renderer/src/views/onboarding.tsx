// First run: no identity yet. Says what the app does and leads to adding the first identity.

import { useI18n } from '../i18n/i18n-context.js';

export function Onboarding({ onStart }: { onStart: () => void }) {
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
    </section>
  );
}
