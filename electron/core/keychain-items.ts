// Names of our items in the OS keychain (service "sts-tray"). One place, so the CLI,
// the tray and clean-up code agree.

export const identityKeyItem = (identity: string) => `identity:${identity}`;
export const mfaSessionItem = (identity: string) => `mfa-session:${identity}`;
/** An IAM Identity Center sign-in's OIDC client registration (id and secret). */
export const ssoClientItem = (identity: string) => `sso-client:${identity}`;
/** An IAM Identity Center sign-in's access and refresh tokens. */
export const ssoTokenItem = (identity: string) => `sso-token:${identity}`;
/** A new key during a rotation, kept beside the current one until it is verified and in use. */
export const identityNextKeyItem = (identity: string) => `identity-next:${identity}`;
