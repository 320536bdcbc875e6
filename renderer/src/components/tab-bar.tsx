// The navigation: one button per view, the current one marked with aria-current="page".

import type { MessageKey } from '../i18n/en.js';
import { useI18n } from '../i18n/i18n-context.js';

const TABS = ['sessions', 'identities', 'roles', 'tools', 'preferences', 'activity'] as const;
export type Tab = (typeof TABS)[number];

const LABEL: Readonly<Record<Tab, MessageKey>> = {
  sessions: 'tab.sessions',
  identities: 'tab.identities',
  roles: 'tab.roles',
  tools: 'tab.tools',
  preferences: 'tab.preferences',
  activity: 'tab.activity',
};

export function TabBar({ current, onSelect }: { current: Tab; onSelect: (tab: Tab) => void }) {
  const { t } = useI18n();
  return (
    <nav className="tab-bar" aria-label={t('tab.navigation')}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          data-testid={`tab-${tab}`}
          aria-current={tab === current ? 'page' : undefined}
          onClick={() => onSelect(tab)}
        >
          {t(LABEL[tab])}
        </button>
      ))}
    </nav>
  );
}
