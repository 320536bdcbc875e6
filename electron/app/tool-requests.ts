// The window's requests for the tools: key facts, key rotation, the console (opened by main:
// the sign-in URL never comes back) and decoding authorization messages. A needed MFA code
// comes back as needs-mfa; the window asks for it and sends the request again with it.

import { decodeAuthorization } from '../core/authorization-message.js';
import { consoleLink } from '../core/console-signin.js';
import { describeError, isStsTrayError } from '../core/errors.js';
import { keyFacts } from '../core/key-facts.js';
import { rotateIdentityKey } from '../core/key-rotation.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

type ToolChannels = 'identity:facts' | 'identity:rotate' | 'console:open' | 'authorization:decode';

export function toolRequests(ctx: ControllerContext): Pick<RequestHandlers, ToolChannels> {
  return {
    'identity:facts': async ({ name }) => {
      const facts = await keyFacts(ctx.services, name);
      return { ...facts, expectedAccounts: [...facts.expectedAccounts], otherKeys: [...facts.otherKeys], notes: [...facts.notes] };
    },
    'identity:rotate': async ({ name, mfaCode }) => {
      const report = await rotateAndReport(ctx, name, mfaCode);
      return { ...report, notes: [...report.notes] };
    },
    'console:open': async ({ name, identity, destination, region, durationSeconds, mfaCode }) => {
      const opened = await openConsoleAndRecord(ctx, { target: identity ? { identity: name } : { role: name }, destination, region, durationSeconds, mfaCode });
      return { principal: opened.principal, notices: [...opened.notices] };
    },
    'authorization:decode': async ({ role, message, mfaCode }) => {
      const decoded = await decodeAuthorization(ctx.services, role, message, mfaCode);
      return {
        ...decoded,
        statements: decoded.statements.map((s) => ({ ...s, actions: [...s.actions], resources: [...s.resources] })),
        conditions: decoded.conditions.map((c) => ({ ...c, values: [...c.values] })),
      };
    },
  };
}

/** Shared by the window's request and the tray's item: rotate, record, notify. */
export async function rotateAndReport(ctx: ControllerContext, name: string, mfaCode: string | undefined) {
  try {
    const report = await rotateIdentityKey(ctx.services, name, { mfaCode });
    ctx.record('key-rotated', name, `${report.newAccessKeyId} replaced ${report.oldAccessKeyId} (${report.oldKey})`);
    ctx.notify({ type: 'key-rotated', identity: name, newAccessKeyId: report.newAccessKeyId, at: ctx.now() });
    ctx.changed();
    return report;
  } catch (error) {
    const message = describeError(error);
    // A code to ask for is not a failure: the MFA prompt follows.
    if (!(isStsTrayError(error) && error.code === 'needs-mfa')) {
      ctx.record('key-rotation-failed', name, message);
      ctx.notify({ type: 'key-rotation-failed', identity: name, message, at: ctx.now() });
      ctx.changed();
    }
    throw error;
  }
}

/** Signs in and has main open the console; the activity names who, never the URL. */
export async function openConsoleAndRecord(ctx: ControllerContext, request: Parameters<typeof consoleLink>[1]) {
  const link = await consoleLink(ctx.services, request);
  await ctx.shell.openConsole(link.url);
  ctx.record('console-opened', 'role' in request.target ? request.target.role : request.target.identity, link.principal);
  ctx.changed();
  return link;
}
