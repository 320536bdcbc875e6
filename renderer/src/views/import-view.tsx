// Import from the user's ~/.aws files: main reads them and shows the plan (keys masked; the
// secrets never come here), the user changes an environment where the guess is wrong, picks
// the two options that change their files, and confirms. What became of each entry follows.

import { useEffect, useState, type ReactNode } from 'react';
import type { Environment } from '../../../electron/contract/config-schema.js';
import type { ImportOutcomeView, ImportPlanView } from '../../../electron/contract/import-views.js';
import type { AppError } from '../../../electron/contract/result.js';
import { request } from '../api.js';
import { CheckboxField } from '../components/fields.js';
import { Notice, type NoticeMessage } from '../components/notice.js';
import { errorText } from '../format/error-text.js';
import { changedEnvironments, hasNewEntries, type EnvironmentChoices } from '../forms/import-choices.js';
import { useI18n } from '../i18n/i18n-context.js';
import { EnvBadge } from '../components/env-badge.js';
import { EnvSelect } from '../components/env-select.js';
import { TableHead } from '../components/table-head.js';
import type { MessageKey } from '../i18n/en.js';

export function ImportView({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  /** Why there is no plan (a file AWS tools would read two ways names its line). */
  const [planError, setPlanError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [environments, setEnvironments] = useState<EnvironmentChoices>({});
  const [credentialProcess, setCredentialProcess] = useState(false);
  const [removePlaintext, setRemovePlaintext] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<readonly ImportOutcomeView[] | null>(null);

  useEffect(() => {
    let current = true;
    void request('import:plan', {}).then((r) => {
      if (!current) return;
      if (r.ok) setPlan(r.value);
      else setPlanError(r.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const apply = async () => {
    if (!plan || busy) return;
    setBusy(true);
    setNotice(null);
    const r = await request('import:apply', { environments: changedEnvironments(plan, environments), credentialProcess, removePlaintext });
    setBusy(false);
    if (!r.ok) {
      setNotice({ tone: 'error', text: errorText(t, r.error) });
      return;
    }
    setOutcomes(r.value.outcomes);
    const refused = r.value.outcomes.some((o) => o.status === 'refused');
    setNotice({ tone: refused ? 'error' : 'ok', text: t(refused ? 'import.someRefused' : 'import.finished') });
  };

  /** The plan shown and not applied yet, with something new in it: the options and the import button. */
  const applicable = plan !== null && outcomes === null && hasNewEntries(plan);

  return (
    <section aria-labelledby="import-title" className="view" data-testid="import-view">
      <h1 id="import-title">{t('import.title')}</h1>
      {plan === null ? (
        planError ? (
          <p className="banner banner-error" role="alert" data-testid="import-error">
            {errorText(t, planError)}
          </p>
        ) : (
          <p role="status">{t('import.loading')}</p>
        )
      ) : outcomes === null ? (
        <p className="view-intro">{t('import.intro', { config: plan.paths.config, credentials: plan.paths.credentials })}</p>
      ) : null}
      {plan && outcomes === null ? (
        <PlanTables plan={plan} environments={environments} onEnvironment={(name, env) => setEnvironments({ ...environments, [name]: env })} />
      ) : null}
      {applicable ? (
        <div className="card">
          <h2>{t('import.optionsTitle')}</h2>
          <CheckboxField
            id="import-credentialProcess"
            label={t('import.credentialProcess')}
            hint={t('import.credentialProcessHint')}
            checked={credentialProcess}
            onChange={setCredentialProcess}
          />
          <CheckboxField
            id="import-removePlaintext"
            label={t('import.removePlaintext')}
            hint={t('import.removePlaintextHint')}
            checked={removePlaintext}
            onChange={setRemovePlaintext}
          />
        </div>
      ) : null}
      {outcomes ? <OutcomeList outcomes={outcomes} /> : null}
      <Notice notice={notice} testId="import-notice" />
      <div className="actions">
        {applicable ? (
          <button type="button" className="button-primary" disabled={busy} onClick={() => void apply()}>
            {busy ? t('import.importing') : t('import.submit')}
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={onClose}>
          {outcomes ? t('import.close') : t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

const IDENTITY_COLUMNS: readonly MessageKey[] = [
  'identities.name',
  'identities.accessKeyId',
  'identities.mfaSerial',
  'identities.region',
  'import.from',
  'import.state',
];
const ROLE_COLUMNS: readonly MessageKey[] = [
  'roles.name',
  'roles.env',
  'roles.identity',
  'roles.roleArn',
  'roles.externalId',
  'import.duration',
  'roles.sessionName',
  'roles.region',
];

interface PlanTablesProps {
  readonly plan: ImportPlanView;
  readonly environments: EnvironmentChoices;
  readonly onEnvironment: (role: string, env: Environment) => void;
}

function PlanTables({ plan, environments, onEnvironment }: PlanTablesProps) {
  const { t } = useI18n();
  const state = (exists: boolean) => (exists ? t('import.exists') : t('import.new'));
  const optional = (value: string | null) => value ?? '–';
  return (
    <>
      {!hasNewEntries(plan) ? <p className="empty">{t('import.nothing')}</p> : null}
      <PlanPart shown={plan.identities.length > 0} title="import.identitiesTitle" intro="import.identitiesIntro">
        <table className="table table-compact" data-testid="import-identities">
          <TableHead columns={IDENTITY_COLUMNS} />
          <tbody>
            {plan.identities.map((i) => (
              <tr key={i.name} data-import-identity={i.name}>
                <th scope="row">{i.name}</th>
                <td className="mono">{i.accessKeyIdMasked}</td>
                <td className="mono wrap">{i.mfaSerial ?? t('identities.noMfa')}</td>
                <td>{i.region}</td>
                <td className="nowrap">{i.from}</td>
                <td data-testid="import-state">{state(i.exists)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PlanPart>
      <PlanPart shown={plan.roles.length > 0} title="import.rolesTitle" intro="import.rolesIntro">
        <div className="table-scroll">
          <table className="table table-compact" data-testid="import-roles">
            <TableHead columns={ROLE_COLUMNS} />
            <tbody>
              {plan.roles.map((r) => (
                <tr key={r.name} data-import-role={r.name}>
                  <th scope="row">
                    {r.name}
                    <span className="field-hint place">{r.from}</span>
                    <span className="field-hint place" data-testid="import-state">
                      {state(r.exists)}
                    </span>
                  </th>
                  <td>
                    {r.exists ? (
                      <EnvBadge env={r.env} />
                    ) : (
                      <EnvSelect
                        id={`import-env-${r.name}`}
                        label={t('import.envOf', { name: r.name })}
                        value={environments[r.name] ?? r.env}
                        onChange={(env) => onEnvironment(r.name, env)}
                      />
                    )}
                  </td>
                  <td>
                    {r.identity}
                    <span className="field-hint place">{r.mfa ? t('import.mfa') : t('import.noMfa')}</span>
                  </td>
                  <td className="mono wrap">{r.roleArn}</td>
                  <td className="mono">{optional(r.externalId)}</td>
                  <td>{r.durationSeconds}</td>
                  <td className="mono">{optional(r.sessionName)}</td>
                  <td className="nowrap">{r.region}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PlanPart>
      <PlanPart shown={plan.notImported.length > 0} title="import.notImportedTitle" intro="import.notImportedIntro">
        <ul className="import-skipped" data-testid="import-not-imported">
          {plan.notImported.map((n) => (
            <li key={`${n.profile}@${n.where}`} data-profile={n.profile}>
              <strong>{n.profile}</strong> <span className="field-hint">({n.where})</span>: {n.why}
            </li>
          ))}
        </ul>
      </PlanPart>
    </>
  );
}

/** One part of the plan, with its heading and what it means; nothing when it is empty. */
function PlanPart({ shown, title, intro, children }: { shown: boolean; title: MessageKey; intro: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  if (!shown) return null;
  return (
    <>
      <h2>{t(title)}</h2>
      <p className="view-intro">{t(intro)}</p>
      {children}
    </>
  );
}

function OutcomeList({ outcomes }: { outcomes: readonly ImportOutcomeView[] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('import.resultTitle')}</h2>
      <ul className="import-outcomes" data-testid="import-outcomes">
        {outcomes.map((o, index) => (
          <li key={index} data-outcome={`${o.kind} ${o.name} ${o.status}`} className={o.status === 'refused' ? 'notice-error' : undefined}>
            {t(`import.kind.${o.kind}`)} <strong>{o.name}</strong>: {t(`import.status.${o.status}`)} — {o.detail}
          </li>
        ))}
      </ul>
    </>
  );
}
