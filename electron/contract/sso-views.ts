// What the window and the tray see of IAM Identity Center sign-ins: where they sign in, until
// when, the sign-in waiting for the person's approval (its user code and page, never its
// device code or a token), and the accounts and roles found for one.

import * as z from 'zod/mini';
import { ENVIRONMENTS, maxText, nameSchema } from './config-schema.js';

export const ssoIdentityViewSchema = z.strictObject({
  name: nameSchema,
  startUrl: maxText(512),
  region: maxText(32),
  roleRegion: z.nullable(maxText(32)),
  /** When the sign-in ends as far as we know; null when not signed in. */
  signInEndsAt: z.nullable(z.number()),
});
export type SsoIdentityView = z.infer<typeof ssoIdentityViewSchema>;

export const ssoSignInViewSchema = z.strictObject({
  identity: nameSchema,
  /** What the person checks on the page before approving. */
  userCode: maxText(64),
  /** The page, with the code filled in; main opens it in the default browser. */
  verificationUri: maxText(2048),
  expiresAt: z.number(),
});
export type SsoSignInView = z.infer<typeof ssoSignInViewSchema>;

export const discoveredRoleViewSchema = z.strictObject({
  accountId: maxText(12),
  accountName: maxText(256),
  roleName: maxText(64),
  env: z.enum(ENVIRONMENTS),
  /** The proposed name of the role (and its profile). */
  name: nameSchema,
  /** The role of ours that already stands for it, if any. */
  added: z.nullable(nameSchema),
});
export type DiscoveredRoleView = z.infer<typeof discoveredRoleViewSchema>;
