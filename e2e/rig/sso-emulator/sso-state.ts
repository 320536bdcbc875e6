// What the Identity Center emulator remembers: registered clients, device authorizations
// and their state, access and refresh tokens. Tokens are random and obviously fake.

import { randomBytes, randomInt } from 'node:crypto';

export interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
  expiresAtMs: number;
  readonly scopes: readonly string[];
}

export type AuthorizationState = 'pending' | 'approved' | 'denied' | 'used';

export interface Authorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly expiresAtMs: number;
  state: AuthorizationState;
  lastPollMs: number | null;
}

export interface AccessToken {
  readonly clientId: string;
  expiresAtMs: number;
  revoked: boolean;
}

export interface RefreshToken {
  readonly clientId: string;
  revoked: boolean;
}

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

export function fakeToken(prefix: string): string {
  return `${prefix}-fake-${randomBytes(24).toString('base64url')}`;
}

export function newUserCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export class SsoState {
  readonly clients = new Map<string, Client>();
  readonly authorizations = new Map<string, Authorization>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();

  byUserCode(userCode: string): Authorization | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.authorizations.values()].find((a) => a.userCode === wanted);
  }

  /** Ends every session at once (an administrator's "revoke"): tokens of every kind. */
  revokeAll(): void {
    for (const token of this.accessTokens.values()) token.revoked = true;
    for (const token of this.refreshTokens.values()) token.revoked = true;
  }
}
