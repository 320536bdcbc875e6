// The STS operations a desktop user reaches for now and then: GetAccessKeyInfo (whose key
// is this), GetFederationToken (the user's own permissions as a session, for the console)
// and DecodeAuthorizationMessage (why was I denied), with AWS's rules on who may call them.

import { ParamCheck } from './param-validation.js';
import { principalAccount, principalArn, type Principal } from './principals.js';
import { issue, type ActionHandler } from './sts-actions.js';
import { SESSION_TOKEN_LIMIT } from './emulator-config.js';
import { StsError, notAuthorized, validationError } from './sts-error.js';
import type { XmlFields } from './sts-xml.js';

const FEDERATION_DEFAULT_SECONDS = 43_200;

const getAccessKeyInfo: ActionHandler = ({ state, params }) => {
  const check = new ParamCheck(params);
  const accessKeyId = check.string({ param: 'AccessKeyId', required: true, min: 16, max: 128, pattern: /^\w*$/, patternText: '[\\w]*' });
  check.done();
  const account = accessKeyId === undefined ? undefined : state.accountOfKey(accessKeyId);
  if (account === undefined) throw validationError(`The access key ID ${accessKeyId ?? ''} is not known to the STS emulator; add it to foreignKeys`);
  return [['Account', account]];
};

const getFederationToken: ActionHandler = (context) => {
  const { caller, params } = context;
  if (caller.kind !== 'user') {
    throw new StsError(403, 'AccessDenied', 'Cannot call GetFederationToken with session credentials');
  }
  const check = new ParamCheck(params);
  const name = check.string({ param: 'Name', required: true, min: 2, max: 32, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' });
  const duration = check.integer({ param: 'DurationSeconds', min: context.minDurationSeconds, max: SESSION_TOKEN_LIMIT });
  const policy = check.string({ param: 'Policy', min: 1, max: 2048 });
  check.done();
  if (name === undefined) throw validationError('Name is required');
  if (policy !== undefined) {
    try {
      JSON.parse(policy);
    } catch {
      throw new StsError(400, 'MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
    }
  }
  const principal = { kind: 'federated', user: caller.user, name } as const;
  const result: Array<readonly [string, string | XmlFields]> = [
    ['Credentials', issue(context, principal, duration ?? FEDERATION_DEFAULT_SECONDS)],
    [
      'FederatedUser',
      [
        ['FederatedUserId', `${caller.user.accountId}:${name}`],
        ['Arn', principalArn(principal)],
      ],
    ],
  ];
  if (policy !== undefined) result.push(['PackedPolicySize', '6']);
  return result;
};

function mayDecode(caller: Principal): boolean {
  if (caller.kind === 'role-session') return caller.role.mayDecodeMessages === true;
  return caller.user.mayDecodeMessages === true;
}

const decodeAuthorizationMessage: ActionHandler = ({ state, caller, params }) => {
  const check = new ParamCheck(params);
  const blob = check.string({ param: 'EncodedMessage', required: true, min: 1, max: 10_240 });
  check.done();
  if (!mayDecode(caller)) throw notAuthorized(principalArn(caller), 'sts:DecodeAuthorizationMessage', '*');
  return [['DecodedMessage', state.messages.decode(blob ?? '', principalAccount(caller))]];
};

export const TOOL_HANDLERS: Readonly<Record<string, ActionHandler>> = {
  GetAccessKeyInfo: getAccessKeyInfo,
  GetFederationToken: getFederationToken,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
};
