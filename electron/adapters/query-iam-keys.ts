// IamKeys over IAM's Query protocol, signed with the SDK's own SigV4 signer: the four key
// calls do not justify a second SDK client in the bundle. IAM is global per partition; its
// endpoint and signing region follow the identity's region. CreateAccessKey is sent once:
// a retry after a lost reply would make a second key whose secret nobody has.

import { setTimeout as delay } from 'node:timers/promises';
import { parseXML } from '@aws-sdk/xml-builder';
import { SignatureV4 } from '@smithy/signature-v4';
import { partitionOfRegion, type Partition } from '../contract/partitions.js';
import { StsTrayError } from '../core/errors.js';
import type { AccessKeyMetadata, AccessKeyStatus, Clock, IamCallInput, IamKeys, NewAccessKey } from '../core/ports.js';
import { exchange } from './http-exchange.js';
import { NodeSha256 } from './node-sha256.js';
import { mapStsError, type StsCallContext } from './sts-error-map.js';

const IAM_VERSION = '2010-05-08';

const IAM_ENDPOINTS: Readonly<Record<Partition, { readonly url: string; readonly region: string }>> = {
  aws: { url: 'https://iam.amazonaws.com/', region: 'us-east-1' },
  'aws-cn': { url: 'https://iam.cn-north-1.amazonaws.com.cn/', region: 'cn-north-1' },
  'aws-us-gov': { url: 'https://iam.us-gov.amazonaws.com/', region: 'us-gov-west-1' },
};

export interface QueryIamKeysOptions {
  /** Override for tests and private endpoints; otherwise IAM's endpoint of the partition. */
  readonly endpoint?: string | undefined;
  readonly timeoutMs?: number;
  /** Attempts for a throttled call (not processed, so safe to send again). */
  readonly maxAttempts?: number;
  readonly clock?: Clock | undefined;
  /** Backoff between attempts; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type Action = 'ListAccessKeys' | 'CreateAccessKey' | 'UpdateAccessKey' | 'DeleteAccessKey';
type XmlObject = Record<string, unknown>;

export class QueryIamKeys implements IamKeys {
  constructor(private readonly options: QueryIamKeysOptions = {}) {}

  async listAccessKeys(input: IamCallInput): Promise<AccessKeyMetadata[]> {
    const result = await this.call('ListAccessKeys', {}, input);
    const list = result.AccessKeyMetadata;
    const members = typeof list === 'object' && list !== null ? (list as XmlObject).member : undefined;
    return (Array.isArray(members) ? members : members === undefined ? [] : [members]).map((m) => metadataOf(m, 'ListAccessKeys'));
  }

  async createAccessKey(input: IamCallInput): Promise<NewAccessKey> {
    const result = await this.call('CreateAccessKey', {}, input);
    const key = result.AccessKey as XmlObject | undefined;
    const secret = key?.SecretAccessKey;
    if (typeof secret !== 'string' || secret === '') {
      throw new StsTrayError('validation', 'IAM answered CreateAccessKey without a secret access key');
    }
    return { ...metadataOf(key, 'CreateAccessKey'), secretAccessKey: secret };
  }

  async updateAccessKey(input: IamCallInput & { readonly accessKeyId: string; readonly status: AccessKeyStatus }): Promise<void> {
    await this.call('UpdateAccessKey', { AccessKeyId: input.accessKeyId, Status: input.status }, input);
  }

  async deleteAccessKey(input: IamCallInput & { readonly accessKeyId: string }): Promise<void> {
    await this.call('DeleteAccessKey', { AccessKeyId: input.accessKeyId }, input);
  }

  private async call(action: Action, params: Record<string, string>, input: IamCallInput): Promise<XmlObject> {
    const partition = IAM_ENDPOINTS[partitionOfRegion(input.region)];
    const url = new URL(this.options.endpoint ?? partition.url);
    const ctx: StsCallContext = { service: 'IAM', action, endpoint: url.origin, usedMfaCode: false, region: partition.region };
    const attempts = action === 'CreateAccessKey' ? 1 : (this.options.maxAttempts ?? 3);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.send(action, params, input, url, partition.region);
      } catch (error) {
        const mapped = mapStsError(error, ctx);
        // A throttled call was not carried out; anything else might have been.
        if (mapped.code !== 'throttled' || attempt >= attempts) throw mapped;
        await (this.options.sleep ?? delay)(200 * 2 ** attempt);
      }
    }
  }

  private async send(action: Action, params: Record<string, string>, input: IamCallInput, url: URL, region: string): Promise<XmlObject> {
    const body = new URLSearchParams({ Action: action, Version: IAM_VERSION, ...params }).toString();
    const { credentials } = input;
    const signer = new SignatureV4({
      service: 'iam',
      region,
      sha256: NodeSha256,
      credentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      },
    });
    const now = this.options.clock?.now() ?? Date.now();
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: url.pathname,
        query: {},
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      },
      { signingDate: new Date(now) },
    );
    const reply = await exchange({ url, method: 'POST', headers: signed.headers, body, timeoutMs: this.options.timeoutMs ?? 15_000 });
    const document = parsed(reply.body);
    if (reply.status < 200 || reply.status >= 300) throw awsError(document, reply.status);
    const response = document[`${action}Response`] as XmlObject | undefined;
    const result = response?.[`${action}Result`];
    return typeof result === 'object' && result !== null ? (result as XmlObject) : {};
  }
}

function parsed(text: string): XmlObject {
  try {
    const value: unknown = parseXML(text);
    return typeof value === 'object' && value !== null ? (value as XmlObject) : {};
  } catch {
    return {};
  }
}

/** IAM's <ErrorResponse> in the shape the SDK's errors have, so one error map reads both. */
function awsError(document: XmlObject, status: number): Error {
  const error = (document.ErrorResponse as XmlObject | undefined)?.Error as XmlObject | undefined;
  const code = typeof error?.Code === 'string' ? error.Code : `HTTP${status}`;
  const message = typeof error?.Message === 'string' ? error.Message : '';
  return Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: status } });
}

function metadataOf(value: unknown, action: Action): AccessKeyMetadata {
  const m = (typeof value === 'object' && value !== null ? value : {}) as XmlObject;
  const createdAt = typeof m.CreateDate === 'string' ? Date.parse(m.CreateDate) : Number.NaN;
  if (typeof m.AccessKeyId !== 'string' || (m.Status !== 'Active' && m.Status !== 'Inactive') || Number.isNaN(createdAt)) {
    throw new StsTrayError('validation', `IAM answered ${action} with an access key that lacks its id, status or creation date`);
  }
  return { accessKeyId: m.AccessKeyId, status: m.Status, createdAt };
}
