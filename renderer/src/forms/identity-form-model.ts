// The "add identity" form as data: what the user typed → an identity for 'identity:add',
// or the problems to show beside each field. The checks are the contract's own.

import { DEFAULT_REGION, identitySchema, nameSchema, type Identity } from '../../../electron/contract/config-schema.js';
import {
  SESSION_TOKEN_DURATION,
  checkAccessKeyId,
  checkDuration,
  checkRegion,
  checkSerialNumber,
} from '../../../electron/contract/sts-limits.js';
import type { AppError } from '../../../electron/contract/result.js';
import type { IdentityView } from '../../../electron/contract/views.js';
import { checkProblem, hasProblems, issueProblems, optionalProblem, wholeNumber, type Problems } from './problems.js';

export const IDENTITY_FIELDS = ['name', 'accessKeyId', 'secretAccessKey', 'mfaSerial', 'region', 'mfaSessionSeconds'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export type DurationUnit = 'hours' | 'seconds';

export interface IdentityDraft {
  readonly name: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly mfaSerial: string;
  readonly region: string;
  readonly sessionLength: string;
  readonly sessionUnit: DurationUnit;
  /** Store a new key for an identity that exists ('identity:add' with replace). */
  readonly replace: boolean;
}

export function emptyIdentityDraft(): IdentityDraft {
  return {
    name: '',
    accessKeyId: '',
    secretAccessKey: '',
    mfaSerial: '',
    region: DEFAULT_REGION,
    sessionLength: '12',
    sessionUnit: 'hours',
    replace: false,
  };
}

/** The form for a new key of an existing identity: its settings, no key, no secret. */
export function replaceKeyDraft(identity: IdentityView): IdentityDraft {
  const wholeHours = identity.mfaSessionSeconds % 3600 === 0;
  return {
    name: identity.name,
    accessKeyId: '',
    secretAccessKey: '',
    mfaSerial: identity.mfaSerial ?? '',
    region: identity.region,
    sessionLength: String(wholeHours ? identity.mfaSessionSeconds / 3600 : identity.mfaSessionSeconds),
    sessionUnit: wholeHours ? 'hours' : 'seconds',
    replace: true,
  };
}

function sessionSeconds(draft: Pick<IdentityDraft, 'sessionLength' | 'sessionUnit'>): number {
  const value = wholeNumber(draft.sessionLength);
  return draft.sessionUnit === 'hours' ? value * 3600 : value;
}

export interface IdentityCheck {
  readonly problems: Problems<IdentityField>;
  /** Set when there are no problems. */
  readonly identity: Identity | null;
}

export function checkIdentityDraft(draft: IdentityDraft): IdentityCheck {
  const seconds = sessionSeconds(draft);
  const name = nameSchema.safeParse(draft.name.trim());
  const problems: Problems<IdentityField> = {
    name: name.success ? undefined : { sentence: name.error.issues[0]?.message ?? '' },
    accessKeyId: checkProblem(checkAccessKeyId(draft.accessKeyId.trim())),
    secretAccessKey: draft.secretAccessKey === '' ? { key: 'identities.secretRequired' } : undefined,
    mfaSerial: optionalProblem(draft.mfaSerial, checkSerialNumber),
    region: checkProblem(checkRegion(draft.region.trim())),
    mfaSessionSeconds: checkProblem(checkDuration(seconds, SESSION_TOKEN_DURATION)),
  };
  if (hasProblems(problems)) return { problems, identity: null };

  // The schema again, whole: anything the field checks above did not cover still fails here.
  const mfaSerial = draft.mfaSerial.trim();
  const parsed = identitySchema.safeParse({
    name: draft.name.trim(),
    accessKeyId: draft.accessKeyId.trim(),
    ...(mfaSerial === '' ? {} : { mfaSerial }),
    region: draft.region.trim(),
    mfaSessionSeconds: seconds,
  });
  if (parsed.success) return { problems: {}, identity: parsed.data };
  return { problems: issueProblems(parsed.error.issues, IDENTITY_FIELDS, 'name'), identity: null };
}

/**
 * Main's refusal, placed at the field the user fixes next. STS refusing the key pair names no
 * field, but the secret was emptied when the form was sent, so that is where the user types
 * again: the error goes there, whether the secret or the key ID was wrong.
 */
export function refusalAtField(error: AppError): AppError {
  return error.field === undefined && error.code === 'invalid-key' ? { ...error, field: 'secretAccessKey' } : error;
}
