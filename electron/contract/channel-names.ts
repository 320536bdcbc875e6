// The names of the contract's channels, without their schemas: all the preload needs to
// refuse a name that is not in the contract, so its bundle stays free of zod.

export const REQUEST_CHANNELS = [
  'state:get',
  'identity:add',
  'identity:remove',
  'role:save',
  'role:add-environments',
  'role:remove',
  'session:activate',
  'session:renew',
  'session:sign-out',
  'mfa:submit',
  'mfa:dismiss',
  'exports:copy',
  'preferences:set',
  'import:plan',
  'import:apply',
  'sso:add',
  'sso:sign-in',
  'sso:cancel-sign-in',
  'sso:discover',
  'sso:add-roles',
  'sso:sign-out',
  'sso:remove',
  'identity:facts',
  'identity:rotate',
  'console:open',
  'authorization:decode',
] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const EVENT_CHANNELS = ['state'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

const requestNames: ReadonlySet<string> = new Set(REQUEST_CHANNELS);
const eventNames: ReadonlySet<string> = new Set(EVENT_CHANNELS);

/** The names on the wire: prefixed, so nothing else on ipcMain can be reached. */
export const ipcRequestName = (channel: RequestChannel): string => `sts-tray:${channel}`;
export const ipcEventName = (event: EventChannel): string => `sts-tray:event:${event}`;

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && requestNames.has(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && eventNames.has(value);
}
