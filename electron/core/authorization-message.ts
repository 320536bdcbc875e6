// Why was I denied: DecodeAuthorizationMessage with a role's session, and the decoded JSON
// read into what a person looks for — allowed or denied, by an explicit deny or for lack of
// an allow, the action, the resource, the statements that matched and the request's
// conditions. A copied message often carries line breaks or quotes: those are dropped first.

import type { AppServices } from './app-services.js';
import { StsTrayError } from './errors.js';
import { findRole } from './sessions.js';

export interface MatchedStatement {
  readonly id: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

export interface DecodedAuthorization {
  readonly allowed: boolean;
  readonly explicitDeny: boolean;
  readonly action: string;
  readonly resource: string;
  readonly principal: string;
  readonly statements: readonly MatchedStatement[];
  readonly conditions: ReadonlyArray<{ readonly key: string; readonly values: readonly string[] }>;
  /** The whole decoded message, pretty-printed. */
  readonly json: string;
}

const ENCODED = /^[A-Za-z0-9_\-+/=]{16,10240}$/;

/** The blob without what copying adds (line breaks, spaces, surrounding quotes), or a validation error. */
export function encodedMessageOf(text: string): string {
  const blob = text.replace(/\s+/g, '').replace(/^["']|["']$/g, '');
  if (!ENCODED.test(blob)) {
    throw new StsTrayError(
      'validation',
      'this is not an encoded authorization message: copy the whole text after "Encoded authorization failure message:" (letters, digits, - and _ only)',
    );
  }
  return blob;
}

type DecodeServices = Pick<AppServices, 'configStore' | 'sessions' | 'tools'>;

export async function decodeAuthorization(
  services: DecodeServices,
  roleName: string,
  text: string,
  mfaCode?: string,
): Promise<DecodedAuthorization> {
  const encodedMessage = encodedMessageOf(text);
  const role = findRole(await services.configStore.load(), roleName);
  const session = await services.sessions.roleSession(role.name, { mfaCode });
  let outcome;
  try {
    outcome = await services.tools.stsTools.decodeAuthorizationMessage({ credentials: session.credentials, region: session.region, encodedMessage });
  } catch (error) {
    if (error instanceof StsTrayError && error.code === 'access-denied') {
      throw new StsTrayError(
        'access-denied',
        `role "${role.name}" may not call sts:DecodeAuthorizationMessage: allow that action in its policy, or decode with a role of the same account that may`,
        { cause: error },
      );
    }
    throw error;
  }
  if ('invalidMessage' in outcome) {
    const account = role.roleArn.split(':')[4] ?? '?';
    throw new StsTrayError(
      'validation',
      `STS cannot decode this message with role "${role.name}" (account ${account}): it comes from another account — decode it with a role in the account whose request was denied — or it was cut short when copied`,
    );
  }
  return readDecoded(outcome.decoded);
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
/** AWS writes lists as {"items": [...]} and single values as {"value": "..."}. */
const itemsOf = (value: unknown): unknown[] => {
  const items = asObject(value).items;
  return Array.isArray(items) ? items : [];
};
const valuesOf = (value: unknown): string[] => itemsOf(value).map((item) => asText(asObject(item).value));

export function readDecoded(decoded: string): DecodedAuthorization {
  let root: Json;
  try {
    root = asObject(JSON.parse(decoded));
  } catch {
    throw new StsTrayError('validation', 'STS decoded the message to something that is not JSON');
  }
  const context = asObject(root.context);
  return {
    allowed: root.allowed === true,
    explicitDeny: root.explicitDeny === true,
    action: asText(context.action),
    resource: asText(context.resource),
    principal: asText(asObject(context.principal).arn),
    statements: itemsOf(root.matchedStatements).map((item) => {
      const s = asObject(item);
      return { id: asText(s.statementId), effect: asText(s.effect), actions: valuesOf(s.actions), resources: valuesOf(s.resources) };
    }),
    conditions: itemsOf(context.conditions).map((item) => {
      const c = asObject(item);
      return { key: asText(c.key), values: valuesOf(c.values) };
    }),
    json: JSON.stringify(root, null, 2),
  };
}
