// What the MFA prompt does with what was typed or pasted. A TOTP code is good once: STS
// refuses a code it has seen, so a code is never sent twice — the prompt refuses it here.

import { checkMfaCode } from '../../../electron/contract/sts-limits.js';

/** Spaces and dashes go (authenticator apps and password managers show "123 456"); nothing else is changed. */
export function cleanCode(text: string): string {
  return text.replace(/[\s-]+/g, '').slice(0, 32);
}

export type CodeVerdict =
  /** Fewer than six characters and the user has not asked to submit: keep waiting. */
  | 'incomplete'
  /** Not six ASCII digits (five digits on Enter, seven pasted, letters, full-width digits). */
  | 'invalid'
  /** Sent before: refused without asking STS. */
  | 'reused'
  | 'ready';

export function judgeCode(code: string, sent: SentCodes, submitting: boolean): CodeVerdict {
  if (code.length < 6 && !submitting) return 'incomplete';
  if (checkMfaCode(code) !== null) return 'invalid';
  return sent.has(code) ? 'reused' : 'ready';
}

/** Codes sent in this window's life; a few dozen at most, and each is worthless after use. */
export class SentCodes {
  readonly #codes: string[] = [];
  constructor(private readonly limit = 50) {}

  has(code: string): boolean {
    return this.#codes.includes(code);
  }

  remember(code: string): void {
    if (this.has(code)) return;
    this.#codes.push(code);
    if (this.#codes.length > this.limit) this.#codes.shift();
  }
}

/** One list for the window: a code used in one prompt is refused in the next one too. */
export const sentCodes = new SentCodes();
