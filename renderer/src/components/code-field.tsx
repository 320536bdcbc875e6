// An MFA code asked for inline, when a tool's request came back needs-mfa: six digits, each
// code sent once (the window-wide list of used codes), then the request goes again with it.

import { useState } from 'react';
import type { Result } from '../../../electron/contract/result.js';
import { useI18n } from '../i18n/i18n-context.js';
import { cleanCode, judgeCode, sentCodes } from '../mfa/mfa-code.js';

export function CodeField({ id, onCode }: { id: string; onCode: (code: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const verdict = judgeCode(code, sentCodes, true);
    if (verdict === 'invalid') return setProblem(t('tools.codeInvalid'));
    if (verdict === 'reused') return setProblem(t('tools.codeReused'));
    sentCodes.remember(code);
    setProblem(null);
    onCode(code);
  };
  return (
    <div className="code-field">
      <label htmlFor={id}>{t('tools.codeLabel')}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => setCode(cleanCode(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
        }}
      />
      <button type="button" onClick={submit}>
        {t('tools.codeSubmit')}
      </button>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
    </div>
  );
}

/**
 * A tool's request that may come back needs-mfa: then `needsCode` shows a CodeField, whose
 * code sends the request again; any other answer goes to `onResult`.
 */
export function useCodeRetry<T>(send: (mfaCode: string | undefined) => Promise<Result<T>>, onResult: (result: Result<T>) => void) {
  const [needsCode, setNeedsCode] = useState(false);
  const run = async (mfaCode?: string) => {
    const result = await send(mfaCode);
    setNeedsCode(!result.ok && result.error.code === 'needs-mfa');
    if (result.ok || result.error.code !== 'needs-mfa') onResult(result);
  };
  return { needsCode, run };
}
