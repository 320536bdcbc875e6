// IAM Identity Center's two services as the core sees them: the OIDC service that signs a
// person in by the device authorization flow (sso-oidc), and the access portal that lists
// their accounts and roles and hands out role credentials. Adapters speak the JSON wire
// protocol; every failure arrives as an StsTrayError (see SsoOidcError for the flow's own).

import type { TemporaryCredentials } from '../model.js';

export interface SsoClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** When the registration (and every refresh token issued to it) ends, epoch ms. */
  readonly expiresAt: number;
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  /** What the person compares in the browser. */
  readonly userCode: string;
  readonly verificationUri: string;
  /** The page with the code filled in: what we open. */
  readonly verificationUriComplete: string;
  /** By our clock. */
  readonly expiresAt: number;
  readonly intervalSeconds: number;
}

export interface SsoToken {
  readonly accessToken: string;
  /** By our clock. */
  readonly expiresAt: number;
  readonly refreshToken?: string | undefined;
}

/**
 * The states CreateToken may answer with while a device authorization runs, as codes:
 * 'pending' and 'slow-down' mean "poll again"; the rest end the flow.
 */
export type TokenPollOutcome =
  | { readonly kind: 'token'; readonly token: SsoToken }
  | { readonly kind: 'pending' }
  | { readonly kind: 'slow-down' };

export interface SsoOidc {
  registerClient(input: { readonly region: string; readonly clientName: string }): Promise<SsoClientRegistration>;
  startDeviceAuthorization(input: {
    readonly region: string;
    readonly client: SsoClientRegistration;
    readonly startUrl: string;
  }): Promise<DeviceAuthorization>;
  /** One poll of CreateToken with the device code. Denied and expired codes throw. */
  pollDeviceToken(input: {
    readonly region: string;
    readonly client: SsoClientRegistration;
    readonly deviceCode: string;
  }): Promise<TokenPollOutcome>;
  /** CreateToken with grant_type refresh_token. A refused refresh throws `needs-sign-in`. */
  refreshToken(input: {
    readonly region: string;
    readonly client: SsoClientRegistration;
    readonly refreshToken: string;
  }): Promise<SsoToken>;
}

export interface SsoAccount {
  readonly accountId: string;
  readonly accountName: string;
}

export interface SsoPortal {
  /** One page of ListAccounts; nextToken when there are more. */
  listAccounts(input: PortalPage): Promise<{ readonly accounts: readonly SsoAccount[]; readonly nextToken?: string | undefined }>;
  listAccountRoles(
    input: PortalPage & { readonly accountId: string },
  ): Promise<{ readonly roleNames: readonly string[]; readonly nextToken?: string | undefined }>;
  /** An expired or revoked access token throws `needs-sign-in`. */
  getRoleCredentials(input: {
    readonly region: string;
    readonly accessToken: string;
    readonly accountId: string;
    readonly roleName: string;
  }): Promise<TemporaryCredentials>;
  /** Ends the session at the portal (best effort: the tokens are deleted here either way). */
  logout(input: { readonly region: string; readonly accessToken: string }): Promise<void>;
}

interface PortalPage {
  readonly region: string;
  readonly accessToken: string;
  readonly nextToken?: string | undefined;
}

/** Both services behind one object: the Node adapter is one HTTP client. */
export interface SsoService extends SsoOidc, SsoPortal {}
