// What the window and the tray see of IAM Identity Center sign-ins: where they sign in, until
// when, the sign-in waiting for the person's approval (its user code and page, never its
// device code or a token), and the accounts and roles found for one.

import * as z from 'zod/mini';
import { ENVIRONMENTS, nameSchema } from './config-schema.js';

const text = (max: number) => z.string().check(z.maxLength(max));

export const ssoIdentityViewSchema = z.strictObject({
  name: nameSchema,
  startUrl: text(512),
  region: text(32),
  roleRegion: z.nullable(text(32)),
  /** When the sign-in ends as far as we know; null when not signed in. */
  signInEndsAt: z.nullable(z.number()),
});
export type SsoIdentityView = z.infer<typeof ssoIdentityViewSchema>;

export const ssoSignInViewSchema = z.strictObject({
  identity: nameSchema,
  /** What the person checks on the page before approving. */
  userCode: text(64),
  /** The page, with the code filled in; main opens it in the default browser. */
  verificationUri: text(2048),
  expiresAt: z.number(),
});
export type SsoSignInView = z.infer<typeof ssoSignInViewSchema>;

export const discoveredRoleViewSchema = z.strictObject({
  accountId: text(12),
  accountName: text(256),
  roleName: text(64),
  env: z.enum(ENVIRONMENTS),
  /** The proposed name of the role (and its profile). */
  name: nameSchema,
  /** The role of ours that already stands for it, if any. */
  added: z.nullable(nameSchema),
});
export type DiscoveredRoleView = z.infer<typeof discoveredRoleViewSchema>;
