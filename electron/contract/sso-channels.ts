// The window's requests about IAM Identity Center sign-ins, spread into the channel map.

import * as z from 'zod/mini';
import { ENVIRONMENTS, nameSchema } from './config-schema.js';
import { checkAccountId, checkRoleName } from './sts-limits.js';
import { ssoIdentitySchema } from './sso-identity.js';
import { discoveredRoleViewSchema, ssoIdentityViewSchema, ssoSignInViewSchema } from './sso-views.js';
import { roleViewSchema } from './views.js';

const done = z.strictObject({});
const name = z.strictObject({ name: nameSchema });
const checkedText = (check: (value: string) => string | null) =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const problem = check(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );

export const addSsoIdentityRequest = z.strictObject({ identity: ssoIdentitySchema, replace: z.optional(z.boolean()) });

export const addSsoRolesRequest = z.strictObject({
  name: nameSchema,
  roles: z
    .array(
      z.strictObject({
        accountId: checkedText(checkAccountId),
        roleName: checkedText(checkRoleName),
        env: z.enum(ENVIRONMENTS),
        name: nameSchema,
      }),
    )
    .check(z.maxLength(500)),
});

export const SSO_REQUESTS = {
  'sso:add': { request: addSsoIdentityRequest, response: ssoIdentityViewSchema },
  /** Starts the device flow: main opens the page; the view shows the code until it ends. */
  'sso:sign-in': { request: name, response: ssoSignInViewSchema },
  'sso:cancel-sign-in': { request: z.strictObject({}), response: done },
  /** The accounts and roles the sign-in may use, tes/stg/prd guessed. */
  'sso:discover': { request: name, response: z.array(discoveredRoleViewSchema) },
  'sso:add-roles': { request: addSsoRolesRequest, response: z.array(roleViewSchema) },
  'sso:sign-out': { request: name, response: done },
  'sso:remove': { request: name, response: done },
} as const;
