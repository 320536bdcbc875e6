// An IAM Identity Center (SSO) identity: where to sign in, and nothing secret. Its tokens live
// in the OS keychain only. In the contract so the window checks the form with these rules.

import * as z from 'zod/mini';
import { checkRegion } from './sts-limits.js';

/** An AWS access portal URL: https, a host, no credentials, no fragment. */
export function checkStartUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'a start URL looks like https://my-company.awsapps.com/start';
  }
  if (url.protocol !== 'https:' && !isLoopback(url)) return 'a start URL starts with https://';
  if (url.username || url.password || url.hash) return 'a start URL has no user name, password or #fragment';
  if (value.length > 512) return 'a start URL is at most 512 characters';
  return null;
}

// The test rig serves its portal over loopback HTTP; nothing else may go without TLS.
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

const check = (fn: (value: string) => string | null) =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const problem = fn(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );

// As config-schema's names (which imports this file, so it cannot be imported here).
const name = z.string().check(z.regex(/^[A-Za-z0-9_.@+-]{1,64}$/, 'a name is 1 to 64 characters of letters, digits and _ . @ + -'));

export const ssoIdentitySchema = z.strictObject({
  name,
  startUrl: check(checkStartUrl),
  /** The region of the Identity Center instance (sso_region), not of the roles. */
  region: check(checkRegion),
  /** The name of a `[sso-session NAME]` this identity stands for in ~/.aws/config, when imported. */
  sessionName: z.optional(name),
  /** Region written into role profiles (default: the SSO region). */
  roleRegion: z.optional(check(checkRegion)),
});
export type SsoIdentity = z.infer<typeof ssoIdentitySchema>;

/**
 * A role signed in through Identity Center gets its credentials from the portal, so what
 * AssumeRole would take (an external ID, an MFA code) has no place on it.
 */
export function checkSsoRole(role: { name: string; externalId?: string | undefined; mfa: boolean }): string | null {
  if (role.externalId !== undefined) return `role "${role.name}" comes from IAM Identity Center, which takes no external ID`;
  if (role.mfa) return `role "${role.name}" comes from IAM Identity Center, which asks for MFA at sign-in, not per role`;
  return null;
}

/** The account and permission set of an Identity Center role, from the ARN we keep for it. */
export function ssoRoleTarget(roleArn: string): { accountId: string; roleName: string } {
  const accountId = roleArn.split(':')[4] ?? '';
  return { accountId, roleName: roleArn.slice(roleArn.lastIndexOf('/') + 1) };
}

/** The ARN we keep for a permission set in an account (its real role has a generated name). */
export function ssoRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}
