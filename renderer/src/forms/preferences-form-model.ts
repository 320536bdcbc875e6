// The preferences form as data. People think of leads in minutes, the config keeps seconds:
// the form converts, and preferencesSchema (the core's own) decides what is allowed; its
// bounds come back in the issue, so the message names them in the form's unit.

import { preferencesSchema, type Language, type Preferences } from '../../../electron/contract/config-schema.js';
import type { Problem, Problems } from './problems.js';

/** Both onQuit and onExpired choose between these. */
export type KeepOrRemove = Preferences['onQuit'];

export interface PreferencesDraft {
  readonly renewalLeadMinutes: string;
  /** "15, 5": minutes before the MFA session ends. */
  readonly mfaWarningMinutes: string;
  readonly clipboardClearSeconds: string;
  readonly confirmPrd: boolean;
  readonly notifications: Preferences['notifications'];
  readonly launchAtLogin: boolean;
  readonly onQuit: KeepOrRemove;
  readonly onExpired: KeepOrRemove;
  readonly language: Language;
  /** Not on the form: kept as they are. */
  readonly keys: Preferences['keys'];
}

export const PREFERENCE_FIELDS = ['renewalLeadMinutes', 'mfaWarningMinutes', 'clipboardClearSeconds'] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/** Which form field and unit each numeric preference is shown in. */
type Unit = 'minutes' | 'seconds';
const FIELD_OF: Readonly<Record<string, { field: PreferenceField; unit: Unit }>> = {
  renewalLeadSeconds: { field: 'renewalLeadMinutes', unit: 'minutes' },
  mfaWarningLeadSeconds: { field: 'mfaWarningMinutes', unit: 'minutes' },
  clipboardClearSeconds: { field: 'clipboardClearSeconds', unit: 'seconds' },
};
const SECONDS_PER: Readonly<Record<Unit, number>> = { minutes: 60, seconds: 1 };

const minutesText = (seconds: number) => String(Math.round((seconds / 60) * 100) / 100);

export function draftFromPreferences(p: Preferences): PreferencesDraft {
  return {
    renewalLeadMinutes: minutesText(p.renewalLeadSeconds),
    mfaWarningMinutes: p.mfaWarningLeadSeconds.map(minutesText).join(', '),
    clipboardClearSeconds: String(p.clipboardClearSeconds),
    confirmPrd: p.confirmPrd,
    notifications: { ...p.notifications },
    launchAtLogin: p.launchAtLogin,
    onQuit: p.onQuit,
    onExpired: p.onExpired,
    language: p.language,
    keys: { ...p.keys },
  };
}

/** A number as typed (decimals allowed for minutes), in seconds; NaN when it is not a number. */
function seconds(text: string, secondsPerUnit: number): number {
  const trimmed = text.trim();
  return /^[0-9]{1,7}(?:\.[0-9]{1,3})?$/.test(trimmed) ? Math.round(Number(trimmed) * secondsPerUnit) : Number.NaN;
}

export interface PreferencesCheck {
  readonly problems: Problems<PreferenceField>;
  readonly preferences: Preferences | null;
}

export function checkPreferencesDraft(draft: PreferencesDraft): PreferencesCheck {
  const warnings = draft.mfaWarningMinutes
    .split(/[\s,、]+/)
    .filter((part) => part !== '')
    .map((part) => seconds(part, 60));
  const parsed = preferencesSchema.safeParse({
    renewalLeadSeconds: seconds(draft.renewalLeadMinutes, 60),
    mfaWarningLeadSeconds: warnings,
    clipboardClearSeconds: seconds(draft.clipboardClearSeconds, 1),
    confirmPrd: draft.confirmPrd,
    onExpired: draft.onExpired,
    notifications: draft.notifications,
    launchAtLogin: draft.launchAtLogin,
    onQuit: draft.onQuit,
    language: draft.language,
    keys: draft.keys,
  });
  if (parsed.success) return { problems: {}, preferences: parsed.data };

  const problems: Problems<PreferenceField> = {};
  for (const issue of parsed.error.issues) {
    const where = FIELD_OF[String(issue.path[0])];
    if (!where || problems[where.field]) continue;
    problems[where.field] = problemOf(issue, where.unit);
  }
  return { problems, preferences: null };
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
}

function problemOf(issue: Issue, unit: Unit): Problem {
  const inUnit = (bound: number | bigint | undefined) => Math.round((Number(bound) / SECONDS_PER[unit]) * 100) / 100;
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return { key: 'preferences.tooManyWarnings', params: { max: Number(issue.maximum) } };
  }
  if (issue.code === 'too_small') {
    return { key: unit === 'minutes' ? 'form.atLeastMinutes' : 'form.atLeastSeconds', params: { value: inUnit(issue.minimum) } };
  }
  if (issue.code === 'too_big') {
    return { key: unit === 'minutes' ? 'form.atMostMinutes' : 'form.atMostSeconds', params: { value: inUnit(issue.maximum) } };
  }
  if (issue.code === 'invalid_type') return { key: 'form.number' };
  return { sentence: issue.message };
}
