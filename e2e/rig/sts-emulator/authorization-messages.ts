// The encoded authorization messages some AWS services return with an access-denied error,
// as DecodeAuthorizationMessage turns them back into JSON. Tests describe a denied request;
// the emulator hands out an opaque blob and keeps what it stands for, for that account only.

import { randomBytes } from 'node:crypto';

import { StsError } from './sts-error.js';

export interface MatchedStatement {
  readonly statementId: string;
  readonly effect: 'ALLOW' | 'DENY';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** A request AWS refused, as the decoded message describes it. */
export interface DeniedRequest {
  /** The account whose service refused the request: only its principals may decode the message. */
  readonly account: string;
  readonly principalArn: string;
  readonly action: string;
  readonly resource: string;
  readonly explicitDeny?: boolean;
  readonly matchedStatements?: readonly MatchedStatement[];
  readonly conditions?: Readonly<Record<string, string>>;
}

const invalidMessage = (): StsError =>
  new StsError(400, 'InvalidAuthorizationMessageException', 'The specified authorization message is invalid.');

const items = <T>(list: readonly T[]) => ({ items: list });
const values = (list: readonly string[]) => items(list.map((value) => ({ value })));

/** AWS's decoded layout: lists as {"items": [...]}, single values as {"value": ...}. */
function decodedJson(denied: DeniedRequest): string {
  return JSON.stringify({
    allowed: false,
    explicitDeny: denied.explicitDeny ?? false,
    matchedStatements: items(
      (denied.matchedStatements ?? []).map((s) => ({
        statementId: s.statementId,
        effect: s.effect,
        actions: values(s.actions),
        resources: values(s.resources),
        conditions: items([]),
      })),
    ),
    failures: items([]),
    context: {
      principal: { arn: denied.principalArn },
      action: denied.action,
      resource: denied.resource,
      conditions: items(Object.entries(denied.conditions ?? {}).map(([key, value]) => ({ key, values: values([value]) }))),
    },
  });
}

export class AuthorizationMessages {
  private readonly messages = new Map<string, DeniedRequest>();

  /** An opaque blob, long and URL-safe like AWS's, standing for the denied request. */
  encode(denied: DeniedRequest): string {
    const blob = randomBytes(360).toString('base64url');
    this.messages.set(blob, denied);
    return blob;
  }

  /** The decoded JSON for a caller of `account`; a blob of another account reads as invalid, as on AWS. */
  decode(blob: string, account: string): string {
    const denied = this.messages.get(blob);
    if (!denied || denied.account !== account) throw invalidMessage();
    return decodedJson(denied);
  }
}
