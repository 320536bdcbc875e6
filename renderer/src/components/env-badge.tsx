// The environment as a coloured badge: prd red, stg amber, tes green, other grey. The
// colour is never the only cue — the badge says the environment's name.

import type { Environment } from '../../../electron/contract/config-schema.js';
import { useI18n } from '../i18n/i18n-context.js';

export function EnvBadge({ env }: { env: Environment }) {
  const { t } = useI18n();
  return (
    <span className="env-badge" data-env={env}>
      {t(`env.${env}`)}
    </span>
  );
}
