// Names of our items in the OS keychain (service "sts-tray"). One place, so the CLI,
// the tray and clean-up code agree.

export const identityKeyItem = (identity: string) => `identity:${identity}`;
export const mfaSessionItem = (identity: string) => `mfa-session:${identity}`;
