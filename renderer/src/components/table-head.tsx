// A table's column headings from message keys, and, for tables with row buttons, a last
// column named for screen readers only.

import type { MessageKey } from '../i18n/en.js';
import { useI18n } from '../i18n/i18n-context.js';

export function TableHead({ columns, actions = false }: { columns: readonly MessageKey[]; actions?: boolean }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
        {actions ? (
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
