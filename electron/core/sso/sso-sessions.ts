// The live side of an Identity Center sign-in: a usable access token (refreshed with the
// refresh token before it ends, without a browser), role credentials from GetRoleCredentials,
// when the sign-in ends, and signing out. One refresh in flight per identity.

import { StsTrayError } from '../errors.js';
import { InFlight } from '../in-flight.js';
import type { TemporaryCredentials } from '../model.js';
import type { Clock } from '../ports.js';
import type { SsoIdentity } from '../../contract/sso-identity.js';
import type { SsoService, SsoToken } from './sso-ports.js';
import type { SsoTokenStore } from './sso-token-store.js';

/** An access token closer than this to its end is refreshed first (when it can be). */
const ACCESS_TOKEN_REFRESH_LEAD_MS = 10 * 60_000;

export class SsoSessions {
  private readonly refreshing = new InFlight<SsoToken>();

  constructor(
    private readonly service: SsoService,
    private readonly store: SsoTokenStore,
    private readonly clock: Clock,
  ) {}

  /** A usable access token; throws `needs-sign-in` when only a new sign-in can give one. */
  async accessToken(identity: SsoIdentity): Promise<string> {
    const token = await this.store.token(identity.name);
    if (!token) throw signInNeeded(identity, 'is not signed in');
    const left = token.expiresAt - this.clock.now();
    if (left > ACCESS_TOKEN_REFRESH_LEAD_MS) return token.accessToken;
    if (token.refreshToken) {
      try {
        return (await this.refresh(identity, token.refreshToken)).accessToken;
      } catch (error) {
        // A network failure with time left on the token: use it; the next call refreshes.
        if (left > 0 && error instanceof StsTrayError && (error.code === 'network' || error.code === 'throttled')) return token.accessToken;
        throw error;
      }
    }
    if (left > 0) return token.accessToken;
    throw signInNeeded(identity, 'has ended');
  }

  async roleCredentials(identity: SsoIdentity, target: { accountId: string; roleName: string }): Promise<TemporaryCredentials> {
    const ask = (accessToken: string) => this.service.getRoleCredentials({ region: identity.region, accessToken, ...target });
    const accessToken = await this.accessToken(identity);
    try {
      return await ask(accessToken);
    } catch (error) {
      if (!(error instanceof StsTrayError) || error.code !== 'needs-sign-in') throw error;
      // The portal refused a token we thought good (revoked, or ended early): one refresh,
      // then the sign-in is over.
      const token = await this.store.token(identity.name);
      if (token?.refreshToken) {
        const refreshed = await this.refresh(identity, token.refreshToken);
        try {
          return await ask(refreshed.accessToken);
        } catch (again) {
          if (!(again instanceof StsTrayError) || again.code !== 'needs-sign-in') throw again;
        }
      }
      // Refused (even fresh): the sign-in is over, and keeping its tokens would only make
      // every renewal try them again.
      await this.store.forgetToken(identity.name);
      throw signInNeeded(identity, 'was refused by IAM Identity Center (revoked or ended)');
    }
  }

  /**
   * When the sign-in ends by our clock, for status and the "sign in again" warning: the access
   * token's end, or with a refresh token the client registration's (no refresh after it).
   * Identity Center does not say when its own session limit cuts a refresh token short; that
   * end shows as a renewal that needs a sign-in.
   */
  async signInEndsAt(identity: SsoIdentity): Promise<number | null> {
    const token = await this.store.token(identity.name);
    if (!token) return null;
    if (!token.refreshToken) return token.expiresAt;
    const client = await this.store.client(identity.name);
    return client ? Math.max(token.expiresAt, client.expiresAt) : token.expiresAt;
  }

  async signedIn(identity: SsoIdentity): Promise<boolean> {
    return (await this.signInEndsAt(identity) ?? 0) > this.clock.now();
  }

  /** Ends the portal session when it can, and deletes the tokens here in any case. */
  async signOut(identity: SsoIdentity): Promise<void> {
    const token = await this.store.token(identity.name);
    await this.store.forgetToken(identity.name);
    if (!token || token.expiresAt <= this.clock.now()) return;
    await this.service.logout({ region: identity.region, accessToken: token.accessToken }).catch(() => undefined);
  }

  private refresh(identity: SsoIdentity, refreshToken: string): Promise<SsoToken> {
    return this.refreshing.run(identity.name, async () => {
      const client = await this.store.client(identity.name);
      if (!client || client.expiresAt <= this.clock.now()) {
        await this.store.forgetToken(identity.name);
        throw signInNeeded(identity, 'can no longer be refreshed (its client registration ended)');
      }
      let token: SsoToken;
      try {
        token = await this.service.refreshToken({ region: identity.region, client, refreshToken });
      } catch (error) {
        if (error instanceof StsTrayError && error.code === 'needs-sign-in') {
          await this.store.forgetToken(identity.name);
          throw signInNeeded(identity, 'has ended (IAM Identity Center refused to refresh it)');
        }
        throw error;
      }
      // Identity Center may rotate the refresh token or keep the old one valid.
      const kept: SsoToken = { ...token, refreshToken: token.refreshToken ?? refreshToken };
      await this.store.putToken(identity.name, kept);
      return kept;
    });
  }
}

function signInNeeded(identity: SsoIdentity, why: string): StsTrayError {
  return new StsTrayError('needs-sign-in', `the IAM Identity Center sign-in "${identity.name}" ${why}: sign in again with sts-tray sso login ${identity.name}`);
}
