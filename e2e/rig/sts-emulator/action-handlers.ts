// Which handler answers an action: STS's (renewal path and tools) for STS's API version,
// IAM's key calls for IAM's. One port serves both, as tests point both clients at it.

import { IAM_HANDLERS } from './iam-actions.js';
import { IAM_API_VERSION, STS_API_VERSION, type EmulatedService } from './query-protocol.js';
import { RENEWAL_HANDLERS, type ActionHandler } from './sts-actions.js';
import { StsError } from './sts-error.js';
import { TOOL_HANDLERS } from './sts-tool-actions.js';

const BY_SERVICE: Readonly<Record<EmulatedService, Readonly<Record<string, ActionHandler>>>> = {
  sts: { ...RENEWAL_HANDLERS, ...TOOL_HANDLERS },
  iam: IAM_HANDLERS,
};

export function handlerFor(service: EmulatedService, action: string): ActionHandler {
  const handlers = BY_SERVICE[service];
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!handler) {
    const version = service === 'sts' ? STS_API_VERSION : IAM_API_VERSION;
    throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${version}`);
  }
  return handler;
}
