// Tools: the AWS console as a role or an identity (main signs in and opens the browser; the
// sign-in URL never reaches this window), and decoding an "encoded authorization failure
// message" with a role's session.

import { useState } from 'react';
import type { AppView, DecodedMessageView } from '../../../electron/contract/views.js';
import { request } from '../api.js';
import { CodeField, useCodeRetry } from '../components/code-field.js';
import { Notice, resultNotice, type NoticeMessage } from '../components/notice.js';
import { checkConsoleDraft } from '../forms/console-form-model.js';
import { useI18n } from '../i18n/i18n-context.js';

export function ToolsView({ view }: { view: AppView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tools-title" className="view">
      <h1 id="tools-title">{t('tools.title')}</h1>
      <p className="view-intro">{t('tools.intro')}</p>
      <ConsoleForm view={view} />
      <DecodeForm view={view} />
    </section>
  );
}

function ConsoleForm({ view }: { view: AppView }) {
  const { t } = useI18n();
  const first = view.roles[0] ? `role:${view.roles[0].role.name}` : view.identities[0] ? `identity:${view.identities[0].name}` : '';
  const [target, setTarget] = useState(first);
  const [destination, setDestination] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const checked = checkConsoleDraft({ target, destination, minutes });
  const { needsCode, run } = useCodeRetry(
    (mfaCode) => request('console:open', checked.ok ? { ...checked.request, ...(mfaCode === undefined ? {} : { mfaCode }) } : { name: '' }),
    (result) => setNotice(resultNotice(t, result, (r) => [t('tools.consoleOpened', { principal: r.principal }), ...r.notices].join(' '))),
  );

  const open = async (mfaCode?: string) => {
    if (!checked.ok) return setProblem(checked.message);
    setProblem(null);
    setNotice(null);
    await run(mfaCode);
  };

  return (
    <form
      className="form"
      aria-labelledby="console-title"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <h2 id="console-title">{t('tools.consoleTitle')}</h2>
      <label htmlFor="console-target">{t('tools.consoleAs')}</label>
      <select id="console-target" value={target} onChange={(e) => setTarget(e.target.value)}>
        {view.roles.map((r) => (
          <option key={`role:${r.role.name}`} value={`role:${r.role.name}`}>
            {t('tools.asRole', { name: r.role.name })}
          </option>
        ))}
        {view.identities.map((i) => (
          <option key={`identity:${i.name}`} value={`identity:${i.name}`}>
            {t('tools.asIdentity', { name: i.name })}
          </option>
        ))}
      </select>
      <label htmlFor="console-destination">{t('tools.destination')}</label>
      <input id="console-destination" value={destination} placeholder="s3" onChange={(e) => setDestination(e.target.value)} />
      <label htmlFor="console-minutes">{t('tools.minutes')}</label>
      <input id="console-minutes" inputMode="numeric" value={minutes} aria-invalid={problem !== null} onChange={(e) => setMinutes(e.target.value)} />
      {problem ? <p className="field-error" role="alert" data-testid="console-problem">{problem}</p> : null}
      <button type="submit" className="button-primary" data-testid="console-open">
        {t('tools.openConsole')}
      </button>
      {needsCode ? <CodeField id="console-code" onCode={(code) => void open(code)} /> : null}
      <Notice notice={notice} testId="console-notice" />
    </form>
  );
}

function DecodeForm({ view }: { view: AppView }) {
  const { t } = useI18n();
  const [role, setRole] = useState(view.roles[0]?.role.name ?? '');
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [decoded, setDecoded] = useState<DecodedMessageView | null>(null);
  const { needsCode, run } = useCodeRetry(
    (mfaCode) => request('authorization:decode', { role, message, ...(mfaCode === undefined ? {} : { mfaCode }) }),
    (result) => (result.ok ? setDecoded(result.value) : setNotice(resultNotice(t, result, () => ''))),
  );

  const decode = async (mfaCode?: string) => {
    setNotice(null);
    setDecoded(null);
    await run(mfaCode);
  };

  const verdict = (d: DecodedMessageView) => (d.allowed ? t('tools.allowed') : d.explicitDeny ? t('tools.explicitDeny') : t('tools.noAllow'));

  return (
    <form
      className="form"
      aria-labelledby="decode-title"
      onSubmit={(e) => {
        e.preventDefault();
        void decode();
      }}
    >
      <h2 id="decode-title">{t('tools.decodeTitle')}</h2>
      <label htmlFor="decode-role">{t('tools.decodeWith')}</label>
      <select id="decode-role" value={role} onChange={(e) => setRole(e.target.value)}>
        {view.roles.map((r) => (
          <option key={r.role.name} value={r.role.name}>
            {r.role.name}
          </option>
        ))}
      </select>
      <label htmlFor="decode-message">{t('tools.message')}</label>
      <textarea id="decode-message" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />
      <button type="submit" data-testid="decode-submit">
        {t('tools.decode')}
      </button>
      {needsCode ? <CodeField id="decode-code" onCode={(code) => void decode(code)} /> : null}
      <Notice notice={notice} testId="decode-notice" />
      {decoded ? (
        <div data-testid="decoded">
          <p className={decoded.allowed ? 'notice notice-ok' : 'notice notice-error'} data-testid="decoded-verdict">
            {verdict(decoded)}: {decoded.action} — {decoded.resource}
          </p>
          <ul>
            {decoded.statements.map((s) => (
              <li key={`${s.id}${s.effect}`}>
                {s.id} {s.effect} {s.actions.join(', ')} → {s.resources.join(', ')}
              </li>
            ))}
            {decoded.conditions.map((c) => (
              <li key={c.key}>
                {c.key} = {c.values.join(', ')}
              </li>
            ))}
          </ul>
          <pre className="mono wrap">{decoded.json}</pre>
        </div>
      ) : null}
    </form>
  );
}
