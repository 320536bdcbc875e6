// The window: picks the language, holds the tab, and owns the dialogs that can open over any
// view (a prd confirmation, an MFA prompt from a switch or from main, a removal).

import { useEffect, useState } from 'react';
import type { AppView, MfaPrompt as MfaPromptView } from '../../electron/contract/views.js';
import { request } from './api.js';
import { ConfirmDialog, type ConfirmRequest } from './components/confirm-dialog.js';
import { TabBar, type Tab } from './components/tab-bar.js';
import { errorText } from './format/error-text.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import { resolveLanguage } from './i18n/translate.js';
import { MfaPrompt } from './mfa/mfa-prompt.js';
import { ToolsView } from './views/tools-view.js';
import { useActivation, type Activation, type MfaOutcome } from './state/activation.js';
import { useAppView, type AppViewState } from './state/use-app-view.js';
import { ActivityView } from './views/activity-view.js';
import { IdentitiesView } from './views/identities-view.js';
import { ImportView } from './views/import-view.js';
import { Onboarding } from './views/onboarding.js';
import { PreferencesView } from './views/preferences-view.js';
import { RolesView } from './views/roles-view.js';
import { SessionsView } from './views/sessions-view.js';

export function App() {
  const state = useAppView();
  const language = resolveLanguage(
    state.view?.preferences.language ?? null,
    state.view?.systemLocale ?? null,
    typeof navigator === 'undefined' ? null : navigator.language,
  );
  return (
    <I18nProvider language={language}>
      <Window state={state} />
    </I18nProvider>
  );
}

function Window({ state }: { state: AppViewState }) {
  const { t, language } = useI18n();
  const { view, offset, disconnected, loadError } = state;

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  if (disconnected) return <Message testId="disconnected" text={t('app.disconnected')} />;
  if (view === null) {
    return loadError ? (
      <Message testId="load-error" text={errorText(t, loadError)} alert />
    ) : (
      <Message testId="loading" text={t('app.loading')} />
    );
  }
  return <Ready view={view} offset={offset} />;
}

function Message({ text, testId, alert = false }: { text: string; testId: string; alert?: boolean }) {
  return (
    <main className="app-message" data-testid={testId}>
      <p role={alert ? 'alert' : 'status'}>{text}</p>
    </main>
  );
}

const promptKey = (prompt: MfaPromptView) => JSON.stringify(prompt);

function Ready({ view, offset }: { view: AppView; offset: number }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('sessions');
  const [focusIdentityForm, setFocusIdentityForm] = useState(false);
  // Import covers the tab's view until closed: its result stays on screen after the first
  // identity arrives (which ends the first run).
  const [importing, setImporting] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const activation = useActivation();
  // Main's prompt stays in the view until main clears it; once answered here it is hidden.
  const [handledPrompt, setHandledPrompt] = useState<string | null>(null);
  const mainPrompt = view.mfaPrompt;
  useEffect(() => {
    if (mainPrompt === null) setHandledPrompt(null);
  }, [mainPrompt]);

  const navigate = (next: Tab) => {
    setFocusIdentityForm(false);
    setImporting(false);
    setTab(next);
  };
  /** The tab's view, unless the import covers it. */
  const shown: Tab | null = importing ? null : tab;
  const firstRun = view.identities.length === 0 && (view.ssoIdentities ?? []).length === 0 && view.configError === null;

  return (
    <div className="app">
      <header className="app-header">
        <p className="app-name">{t('app.title')}</p>
        <TabBar current={tab} onSelect={navigate} />
      </header>
      <main className="app-main">
        {view.configError ? (
          <p className="banner banner-error" role="alert" data-testid="config-error">
            {errorText(t, view.configError)}
          </p>
        ) : null}
        {importing ? <ImportView onClose={() => setImporting(false)} /> : null}
        {shown === 'sessions' && firstRun ? (
          <Onboarding
            onStart={() => {
              setTab('identities');
              setFocusIdentityForm(true);
            }}
            onImport={() => setImporting(true)}
          />
        ) : null}
        {shown === 'sessions' && !firstRun ? (
          <SessionsView
            view={view}
            offset={offset}
            busyRole={activation.busyRole}
            activation={activation.result}
            onActivate={(role) => activation.start(role, view.preferences.confirmPrd)}
            onNavigate={navigate}
            onConfirm={setConfirm}
          />
        ) : null}
        {shown === 'identities' ? (
          <IdentitiesView
            view={view}
            offset={offset}
            autoFocusForm={focusIdentityForm}
            onConfirm={setConfirm}
            onNavigate={navigate}
            onImport={() => setImporting(true)}
          />
        ) : null}
        {shown === 'roles' ? <RolesView view={view} onConfirm={setConfirm} onNavigate={navigate} /> : null}
        {shown === 'tools' ? <ToolsView view={view} /> : null}
        {shown === 'preferences' ? <PreferencesView view={view} /> : null}
        {shown === 'activity' ? <ActivityView view={view} /> : null}
      </main>

      {confirm ? <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} /> : null}
      <ActivationDialogs
        view={view}
        activation={activation}
        mainPrompt={mainPrompt !== null && promptKey(mainPrompt) !== handledPrompt ? mainPrompt : null}
        onMainPromptHandled={(prompt) => setHandledPrompt(promptKey(prompt))}
      />
    </div>
  );
}

interface ActivationDialogsProps {
  readonly view: AppView;
  readonly activation: Activation;
  /** Main's prompt, unless it was already answered here. */
  readonly mainPrompt: MfaPromptView | null;
  readonly onMainPromptHandled: (prompt: MfaPromptView) => void;
}

/** One dialog at a time: a prd confirmation, then our own MFA prompt, then main's. */
function ActivationDialogs({ view, activation, mainPrompt, onMainPromptHandled }: ActivationDialogsProps) {
  const { t } = useI18n();
  const { stage } = activation;

  if (stage.kind === 'confirm') {
    return (
      <ConfirmDialog
        request={{
          title: t('sessions.confirmPrd', { role: stage.role }),
          body: t('sessions.confirmPrdBody'),
          confirmLabel: t('sessions.switch'),
          danger: false,
          onConfirm: activation.confirm,
        }}
        onClose={activation.cancel}
      />
    );
  }

  if (stage.kind === 'mfa') {
    const roleView = view.roles.find((r) => r.role.name === stage.role);
    const identityName = roleView?.role.identity ?? '';
    const identity = view.identities.find((i) => i.name === identityName);
    return (
      <MfaPrompt
        key={`role:${stage.role}`}
        identity={identityName}
        mfaSerial={identity?.mfaSerial ?? null}
        role={stage.role}
        reason="needs-mfa"
        onSubmit={(code) => activation.submitCode(stage.role, code, stage.confirmed)}
        onCancel={activation.cancel}
      />
    );
  }

  if (mainPrompt === null) return null;
  const submit = async (code: string): Promise<MfaOutcome> => {
    if (mainPrompt.role !== null) {
      const outcome = await activation.submitCode(mainPrompt.role, code, false);
      if (outcome.kind === 'done') onMainPromptHandled(mainPrompt);
      return outcome;
    }
    const r = await request('mfa:submit', { identity: mainPrompt.identity, code });
    if (!r.ok) return { kind: 'refused', error: r.error };
    onMainPromptHandled(mainPrompt);
    return { kind: 'done' };
  };
  return (
    <MfaPrompt
      key={`main:${promptKey(mainPrompt)}`}
      identity={mainPrompt.identity}
      mfaSerial={mainPrompt.mfaSerial}
      role={mainPrompt.role}
      reason={mainPrompt.reason}
      onSubmit={submit}
      onCancel={() => {
        onMainPromptHandled(mainPrompt);
        void request('mfa:dismiss', {});
      }}
    />
  );
}
