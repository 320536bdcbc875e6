// Fresh temporary credentials shaped like AWS's: ASIA key ids, 40-character secrets and
// base64 session tokens (with '+', '/' and '=' in them, which credential files must keep intact).

import { randomBytes, randomInt } from 'node:crypto';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

// Observed lengths of real tokens: session tokens are a few hundred characters, role
// tokens longer. Prefix as real tokens begin (base64 of a small protobuf header).
export const DEFAULT_TOKEN_LENGTH = { session: 360, role: 740 } as const;
const TOKEN_PREFIX = 'IQoJb3JpZ2luX2Vj';

export function newTemporaryAccessKeyId(): string {
  let id = 'ASIA';
  for (let i = 0; i < 16; i += 1) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  return id;
}

export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function newSessionToken(length: number): string {
  const body = randomBytes(Math.ceil((length * 3) / 4) + 3).toString('base64');
  return `${TOKEN_PREFIX}${body}`.slice(0, length - 1) + '=';
}
