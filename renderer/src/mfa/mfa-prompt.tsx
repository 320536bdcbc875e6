// The MFA prompt: one field (numeric keypad, one-time-code autofill, paste of a whole code).
// Six digits send at once; Enter sends what is there. Nothing reaches main unless it is six
// ASCII digits never sent before; a wrong code clears the field for the device's next one.

import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { ModalDialog } from '../components/modal-dialog.js';
import { errorText } from '../format/error-text.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MfaOutcome } from '../state/activation.js';
import { cleanCode, judgeCode, sentCodes } from './mfa-code.js';

export interface MfaPromptProps {
  readonly identity: string;
  readonly mfaSerial: string | null;
  /** The role the code switches to; null when it only renews the identity's MFA session. */
  readonly role: string | null;
  readonly reason: 'needs-mfa' | 'expiring';
  readonly onSubmit: (code: string) => Promise<MfaOutcome>;
  readonly onCancel: () => void;
}

interface Message {
  readonly tone: 'info' | 'error';
  readonly text: string;
}

export function MfaPrompt({ identity, mfaSerial, role, reason, onSubmit, onCancel }: MfaPromptProps) {
  const { t } = useI18n();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const sending = useRef(false);
  const mounted = useRef(true);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    mounted.current = true;
    // After the dialog's own effect has opened it (children's effects run first).
    inputRef.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  const attempt = async (typed: string, submitting: boolean) => {
    if (sending.current) return;
    const verdict = judgeCode(typed, sentCodes, submitting);
    if (verdict === 'incomplete') return;
    if (verdict === 'invalid') {
      setMessage({ tone: 'error', text: t('mfa.sixDigits') });
      return;
    }
    if (verdict === 'reused') {
      setMessage({ tone: 'error', text: t('mfa.reused') });
      setCode('');
      return;
    }
    sentCodes.remember(typed);
    sending.current = true;
    setBusy(true);
    setMessage({ tone: 'info', text: t('mfa.checking') });
    const outcome = await onSubmit(typed);
    sending.current = false;
    if (!mounted.current) return;
    setBusy(false);
    if (outcome.kind === 'done') return;
    setCode('');
    setMessage({
      tone: 'error',
      text: outcome.error.code === 'invalid-mfa' ? t('mfa.invalid') : errorText(t, outcome.error),
    });
    inputRef.current?.focus();
  };

  const onChange = (text: string) => {
    const cleaned = cleanCode(text);
    setCode(cleaned);
    if (message?.tone === 'error' && cleaned !== '') setMessage(null);
    if (cleaned.length >= 6) void attempt(cleaned, false);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    // Handled here because maxLength would cut "123 456" to "123 45" before we saw it.
    e.preventDefault();
    onChange(e.clipboardData.getData('text'));
  };

  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    void attempt(code, true);
  };

  return (
    <ModalDialog labelledBy={titleId} onCancel={onCancel} testId="mfa-dialog" className="mfa-dialog">
      <form noValidate onSubmit={onFormSubmit}>
        <h2 id={titleId}>{t('mfa.title')}</h2>
        <p className="mfa-reason">
          {role !== null
            ? t('mfa.forRole', { role, identity })
            : reason === 'expiring'
              ? t('mfa.expiring', { identity })
              : t('mfa.forIdentity', { identity })}
        </p>
        <dl className="mfa-facts">
          <dt>{t('mfa.identity')}</dt>
          <dd data-testid="mfa-identity">{identity}</dd>
          <dt>{t('mfa.device')}</dt>
          <dd data-testid="mfa-device">{mfaSerial ?? t('mfa.noDevice')}</dd>
        </dl>
        <div className="field">
          <label htmlFor="mfa-code">{t('mfa.codeLabel')}</label>
          <input
            id="mfa-code"
            ref={inputRef}
            className="mfa-input"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            readOnly={busy}
            aria-busy={busy}
            aria-describedby="mfa-code-hint mfa-message"
            aria-invalid={message?.tone === 'error' ? true : undefined}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            onPaste={onPaste}
          />
          <p id="mfa-code-hint" className="field-hint">
            {t('mfa.hint')}
          </p>
        </div>
        <p
          id="mfa-message"
          className={message ? `mfa-message mfa-message-${message.tone}` : 'mfa-message'}
          role="alert"
          data-testid="mfa-message"
        >
          {message?.text ?? ''}
        </p>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('mfa.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
