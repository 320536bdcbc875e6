// An Identity Center sign-in kept in the OS keychain: the OIDC client registration and the
// access and refresh tokens, never in a file. Unreadable items count as "not signed in"
// (and are deleted), so a damaged item costs a sign-in, never a wrong token.

import * as z from 'zod/mini';
import { ssoClientItem, ssoTokenItem } from '../keychain-items.js';
import { safeJson } from '../mfa-session-cache.js';
import type { SecretStore } from '../ports.js';
import type { SsoClientRegistration, SsoToken } from './sso-ports.js';

const clientSchema = z.strictObject({
  v: z.literal(1),
  clientId: z.string().check(z.minLength(1)),
  clientSecret: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
});

const tokenSchema = z.strictObject({
  v: z.literal(1),
  accessToken: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
  refreshToken: z.optional(z.string().check(z.minLength(1))),
});

export class SsoTokenStore {
  constructor(private readonly secrets: SecretStore) {}

  async client(identity: string): Promise<SsoClientRegistration | null> {
    const parsed = await this.read(ssoClientItem(identity), clientSchema);
    return parsed ? { clientId: parsed.clientId, clientSecret: parsed.clientSecret, expiresAt: parsed.expiresAt } : null;
  }

  async putClient(identity: string, client: SsoClientRegistration): Promise<void> {
    await this.secrets.set(ssoClientItem(identity), JSON.stringify({ v: 1, ...pick(client, ['clientId', 'clientSecret', 'expiresAt']) }));
  }

  async token(identity: string): Promise<SsoToken | null> {
    const parsed = await this.read(ssoTokenItem(identity), tokenSchema);
    if (!parsed) return null;
    return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt, refreshToken: parsed.refreshToken };
  }

  async putToken(identity: string, token: SsoToken): Promise<void> {
    const value = { v: 1, accessToken: token.accessToken, expiresAt: token.expiresAt, ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}) };
    await this.secrets.set(ssoTokenItem(identity), JSON.stringify(value));
  }

  /** Signs out here: the tokens go; the client registration may serve the next sign-in. */
  async forgetToken(identity: string): Promise<void> {
    await this.secrets.delete(ssoTokenItem(identity));
  }

  async forgetAll(identity: string): Promise<void> {
    await this.secrets.delete(ssoTokenItem(identity));
    await this.secrets.delete(ssoClientItem(identity));
  }

  private async read<T>(item: string, schema: z.ZodMiniType<T>): Promise<T | null> {
    const raw = await this.secrets.get(item);
    if (raw === null) return null;
    const parsed = schema.safeParse(safeJson(raw));
    if (parsed.success) return parsed.data;
    await this.secrets.delete(item);
    return null;
  }
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}
