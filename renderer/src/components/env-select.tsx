// An environment chosen in a table row (import's plan, IAM Identity Center's roles found):
// a select named for screen readers, offering tes / stg / prd / other in the UI's language.

import { ENVIRONMENTS, type Environment } from '../../../electron/contract/config-schema.js';
import { useI18n } from '../i18n/i18n-context.js';

export interface EnvSelectProps {
  readonly id?: string;
  readonly label: string;
  readonly value: Environment;
  readonly disabled?: boolean;
  readonly onChange: (env: Environment) => void;
}

export function EnvSelect({ id, label, value, disabled, onChange }: EnvSelectProps) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const env = ENVIRONMENTS.find((v) => v === e.target.value);
        if (env) onChange(env);
      }}
    >
      {ENVIRONMENTS.map((env) => (
        <option key={env} value={env}>
          {t(`env.${env}`)}
        </option>
      ))}
    </select>
  );
}
