// IAM's self-service calls on a user's own access keys — ListAccessKeys, CreateAccessKey,
// UpdateAccessKey, DeleteAccessKey — on the emulator's port, with the rules key rotation
// runs into: the two-key quota, NoSuchEntity, a policy that wants an MFA session or denies
// an action, and no IAM for role sessions (their roles have no such permission here).

import type { EmulatorUser } from './emulator-config.js';
import type { AccessKeyRecord } from './iam-keys.js';
import { ParamCheck } from './param-validation.js';
import { hasMfaContext, iamSelf, principalArn, userArn, type Principal } from './principals.js';
import type { ActionContext, ActionHandler } from './sts-actions.js';
import { StsError, notAuthorized, validationError } from './sts-error.js';
import type { XmlFields } from './sts-xml.js';

export const IAM_XML_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** IAM states dates to the second, e.g. 2026-11-22T12:00:00Z. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The user the call acts on, after the caller's policy allowed the action. */
function allowedUser(caller: Principal, action: string, userName: string | undefined): EmulatorUser {
  const self = iamSelf(caller);
  const resource = self ? userArn(self) : `user/${userName ?? '?'}`;
  const denied = notAuthorized(principalArn(caller), `iam:${action}`, resource);
  if (!self) throw denied;
  if (userName !== undefined && userName !== self.userName) throw denied;
  if (self.iam?.denied?.includes(action)) throw denied;
  if (self.iam?.requireMfa && !hasMfaContext(caller)) {
    throw new StsError(
      403,
      'AccessDenied',
      `User: ${principalArn(caller)} is not authorized to perform: iam:${action} on resource: ${resource} with an explicit deny in an identity-based policy`,
    );
  }
  return self;
}

function readParams(context: ActionContext, withKey: boolean, withStatus = false) {
  const check = new ParamCheck(context.params);
  const userName = check.string({ param: 'UserName', min: 1, max: 128, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' });
  const accessKeyId = withKey
    ? check.string({ param: 'AccessKeyId', required: true, min: 16, max: 128, pattern: /^\w+$/, patternText: '[\\w]+' })
    : undefined;
  const status = withStatus ? check.string({ param: 'Status', required: true }) : undefined;
  check.done();
  if (status !== undefined && status !== 'Active' && status !== 'Inactive') {
    throw validationError(`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`);
  }
  return { userName, accessKeyId: accessKeyId ?? '', status: status as 'Active' | 'Inactive' | undefined };
}

function metadata(key: AccessKeyRecord): XmlFields {
  return [
    ['UserName', key.user.userName],
    ['AccessKeyId', key.accessKeyId],
    ['Status', key.status],
    ['CreateDate', isoSeconds(key.createdAtMs)],
  ];
}

const listAccessKeys: ActionHandler = (context) => {
  const { userName } = readParams(context, false);
  const user = allowedUser(context.caller, 'ListAccessKeys', userName);
  return [
    ['AccessKeyMetadata', context.state.iamKeys.ofUser(user.userName).map((key) => ['member', metadata(key)] as const)],
    ['IsTruncated', 'false'],
  ];
};

const createAccessKey: ActionHandler = (context) => {
  const { userName } = readParams(context, false);
  const user = allowedUser(context.caller, 'CreateAccessKey', userName);
  const key = context.state.iamKeys.create(user, context.nowMs);
  return [
    [
      'AccessKey',
      [
        ['UserName', user.userName],
        ['AccessKeyId', key.accessKeyId],
        ['Status', key.status],
        ['SecretAccessKey', key.secretAccessKey],
        ['CreateDate', isoSeconds(key.createdAtMs)],
      ],
    ],
  ];
};

const updateAccessKey: ActionHandler = (context) => {
  const { userName, accessKeyId, status } = readParams(context, true, true);
  const user = allowedUser(context.caller, 'UpdateAccessKey', userName);
  context.state.iamKeys.setStatus(user, accessKeyId, status ?? 'Active');
  return [];
};

const deleteAccessKey: ActionHandler = (context) => {
  const { userName, accessKeyId } = readParams(context, true);
  const user = allowedUser(context.caller, 'DeleteAccessKey', userName);
  context.state.iamKeys.delete(user, accessKeyId);
  return [];
};

export const IAM_HANDLERS: Readonly<Record<string, ActionHandler>> = {
  ListAccessKeys: listAccessKeys,
  CreateAccessKey: createAccessKey,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
};
