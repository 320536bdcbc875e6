// The one channel map between main and the renderer. Main registers a handler for every
// request channel (app/ipc-dispatch.ts builds them, main/ipc-registration.ts registers); preload exposes exactly `invoke` and `on` over these
// names; the renderer and the e2e harness speak the same map.

import * as z from 'zod/mini';
import {
  activateRequest,
  addEnvironmentRolesRequest,
  applyImportRequest,
  addIdentityRequest,
  copyExportsRequest,
  decodeMessageRequest,
  emptyRequest,
  nameRequest,
  openConsoleRequest,
  optionalRoleRequest,
  rotateKeyRequest,
  saveRoleRequest,
  setPreferencesRequest,
  submitMfaRequest,
} from './requests.js';
import type { EventChannel, RequestChannel } from './channel-names.js';
import { maxText, preferencesSchema } from './config-schema.js';
import { SSO_REQUESTS } from './sso-channels.js';
import {
  activationViewSchema,
  appViewSchema,
  consoleOpenedViewSchema,
  decodedMessageViewSchema,
  identityViewSchema,
  keyFactsViewSchema,
  roleViewSchema,
  rotationViewSchema,
} from './views.js';
import { importOutcomeViewSchema, importPlanViewSchema } from './import-views.js';

const done = z.strictObject({});

export const REQUESTS = {
  /** The whole view; afterwards every change arrives as a 'state' event. */
  'state:get': { request: emptyRequest, response: appViewSchema },
  /** Verifies the key with GetCallerIdentity, then keeps the secret in the keychain only. */
  'identity:add': {
    request: addIdentityRequest,
    response: z.strictObject({
      identity: identityViewSchema,
      account: z.nullable(maxText(12)),
      arn: z.nullable(maxText(2048)),
    }),
  },
  'identity:remove': { request: nameRequest, response: done },
  'role:save': { request: saveRoleRequest, response: roleViewSchema },
  'role:add-environments': { request: addEnvironmentRolesRequest, response: z.array(roleViewSchema) },
  'role:remove': { request: nameRequest, response: done },
  /** Switch: assume (or reuse) the role's session, write its profile, make it the active one. */
  'session:activate': { request: activateRequest, response: activationViewSchema },
  /** Renew one role now, or every active one. */
  'session:renew': { request: optionalRoleRequest, response: done },
  /** Stop renewing and remove our profiles: one role's, or all. */
  'session:sign-out': { request: optionalRoleRequest, response: z.strictObject({ removed: z.array(z.string()) }) },
  /** A code for the identity's MFA session; roles waiting for it renew, a pending switch completes. */
  'mfa:submit': { request: submitMfaRequest, response: z.strictObject({ expiresAt: z.number() }) },
  'mfa:dismiss': { request: emptyRequest, response: done },
  /** Main puts the lines on the clipboard; the renderer never sees them. */
  'exports:copy': { request: copyExportsRequest, response: z.strictObject({ clearsAt: z.number() }) },
  'preferences:set': { request: setPreferencesRequest, response: preferencesSchema },
  /** What import would do with the user's ~/.aws files (a dry run; main reads them). */
  'import:plan': { request: emptyRequest, response: importPlanViewSchema },
  /** Import through the CLI's apply step: each key verified with STS before it is stored. */
  'import:apply': { request: applyImportRequest, response: z.strictObject({ outcomes: z.array(importOutcomeViewSchema) }) },
  ...SSO_REQUESTS,
  /** Account, user, MFA device, age and the user's other keys (GetAccessKeyInfo, GetCallerIdentity, ListAccessKeys). */
  'identity:facts': { request: nameRequest, response: keyFactsViewSchema },
  /** A new key, verified, then the old one retired; needs-mfa when no MFA session is live and no code came. */
  'identity:rotate': { request: rotateKeyRequest, response: rotationViewSchema },
  /** Main signs in and opens the browser; the sign-in URL never crosses to the window. */
  'console:open': { request: openConsoleRequest, response: consoleOpenedViewSchema },
  'authorization:decode': { request: decodeMessageRequest, response: decodedMessageViewSchema },
} as const satisfies Record<RequestChannel, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export const EVENTS = {
  /** A new view after any change (a switch, a renewal, an edit, a minute passing while sessions run). */
  state: appViewSchema,
} as const satisfies Record<EventChannel, z.ZodMiniType>;

export {
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
  ipcEventName,
  ipcRequestName,
  isEventChannel,
  isRequestChannel,
  type EventChannel,
  type RequestChannel,
} from './channel-names.js';

/** What the renderer sends (before defaults are applied). */
export type RequestOf<C extends RequestChannel> = z.input<(typeof REQUESTS)[C]['request']>;
/** What the renderer gets back. */
export type ResponseOf<C extends RequestChannel> = z.output<(typeof REQUESTS)[C]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof EVENTS)[E]>;
