// The Query protocol on the way in (STS's, and IAM's, which the emulator serves on the same
// port): the operation and its parameters come as form-encoded pairs, in a POST body (what
// the SDK and the CLI send) or a GET query string; the API version names the service.

import { StsError } from './sts-error.js';

export const STS_API_VERSION = '2011-06-15';
export const IAM_API_VERSION = '2010-05-08';

export type EmulatedService = 'sts' | 'iam';

export interface QueryRequest {
  readonly service: EmulatedService;
  readonly action: string;
  readonly params: ReadonlyMap<string, string>;
}

export interface RawQueryInput {
  readonly method: string;
  readonly query: string; // the URL's query string without '?', still encoded
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

// Headers and query parameters that belong to SigV4 (presigned form), not to the operation.
const SIGNING_PARAMS = /^X-Amz-/i;

export function parseQueryRequest(input: RawQueryInput): QueryRequest {
  const params = new Map<string, string>();
  const add = (pairs: URLSearchParams): void => {
    for (const [name, value] of pairs) {
      if (!SIGNING_PARAMS.test(name)) params.set(name, value);
    }
  };
  add(new URLSearchParams(input.query));
  if (input.method === 'POST' && input.body.length > 0) {
    if (!input.contentType || !FORM_TYPE.test(input.contentType)) {
      throw new StsError(
        400,
        'InvalidParameterValue',
        `STS's Query protocol takes a body of type application/x-www-form-urlencoded, not ${input.contentType ?? 'none'}.`,
      );
    }
    add(new URLSearchParams(input.body.toString('utf8')));
  } else if (input.method !== 'POST' && input.method !== 'GET') {
    throw new StsError(405, 'MethodNotAllowed', `STS takes GET or POST requests, not ${input.method}.`);
  }
  const action = params.get('Action');
  if (!action) {
    throw new StsError(400, 'MissingAction', 'Missing Action');
  }
  const version = params.get('Version');
  const service = version === STS_API_VERSION ? 'sts' : version === IAM_API_VERSION ? 'iam' : undefined;
  if (!service) {
    throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`);
  }
  return { service, action, params };
}
