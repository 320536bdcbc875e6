// An STS look-alike on loopback HTTP for tests and benchmarks (never shipped). It speaks the
// Query protocol and XML that @aws-sdk/client-sts and the AWS CLI speak, checks SigV4
// signatures and TOTP codes, issues credentials that work against it, records every call
// and fails on request. The same port serves IAM's access-key calls (API version 2010-05-08,
// signed for service iam) and the console's federation endpoint (/federation).

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listenOnLoopback } from '../loopback-server.js';
import { handlerFor } from './action-handlers.js';
import type { DeniedRequest } from './authorization-messages.js';
import { FEDERATION_PATH, federationReply } from './federation-endpoint.js';
import type { ConsoleSignin } from './federation-tokens.js';
import { IAM_XML_NAMESPACE } from './iam-actions.js';
import { AWS_MIN_DURATION, checkOptions, type StsEmulatorOptions } from './emulator-config.js';
import { FaultQueue, type Fault, type FailureFault } from './faults.js';
import { DEFAULT_TOKEN_LENGTH } from './issued-credentials.js';
import { principalAccount, type Principal } from './principals.js';
import { parseQueryRequest, type EmulatedService } from './query-protocol.js';
import { checkRequestTime, checkScope, headerMap, parseSigV4, verifySignature, type WireRequest } from './sigv4-verify.js';
import {
  StsError,
  expiredToken,
  internalFailure,
  invalidClientTokenId,
  regionDisabled,
  serviceUnavailable,
  throttling,
} from './sts-error.js';
import { StsState, type IssuedCredentialInfo } from './sts-state.js';
import { acceptExternal, type ExternalRoleCredentials } from './external-credentials.js';
import { STS_XML_NAMESPACE, errorXml, successXml } from './sts-xml.js';
import { generateTotp } from './totp.js';

export type { EmulatorRole, EmulatorUser, IssuedLifetimes, StsEmulatorOptions } from './emulator-config.js';
export type { Fault } from './faults.js';
export type { IssuedCredentialInfo } from './sts-state.js';
export type { ExternalRoleCredentials } from './external-credentials.js';
export type { DeniedRequest } from './authorization-messages.js';
export type { ConsoleSignin } from './federation-tokens.js';
export { generateTotp };

export interface RecordedCall {
  readonly action: string; // '' when the request named none
  readonly accessKeyId: string | null; // from the Authorization header, whether or not it checked out
  readonly status: number; // 0 when the connection was dropped
  readonly errorCode?: string;
  /** The injected fault that shaped this call, if any. */
  readonly fault?: Fault['kind'];
  readonly atMs: number; // emulator clock
  readonly requestId: string;
}

export interface StsEmulator {
  readonly url: string; // http://127.0.0.1:PORT
  close(): Promise<void>;
  /** The 6-digit code the device shows now (emulator clock), or at atMs. */
  totp(serial: string, atMs?: number): string;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Emulator's clock = options.now() + skew. */
  setClockSkewMs(ms: number): void;
  /** The emulator's clock, skew included, in epoch ms. */
  now(): number;
  readonly calls: readonly RecordedCall[];
  resetCalls(): void;
  /** Later calls signed with this key fail with InvalidClientTokenId. */
  revokeAccessKey(accessKeyId: string): void;
  /** Every temporary credential handed out so far, without secrets. */
  issued(): readonly IssuedCredentialInfo[];
  /**
   * Accepts role credentials another service issued (the Identity Center emulator's
   * GetRoleCredentials) as a session of that account's permission-set role.
   */
  acceptRoleCredentials(credentials: ExternalRoleCredentials): void;
  /** IAM's keys of a user as ListAccessKeys shows them (no secrets). */
  accessKeys(userName: string): readonly AccessKeyInfo[];
  /**
   * IAM's eventual consistency as a fault: keys created from now on are refused
   * (InvalidClientTokenId) for this long after CreateAccessKey. 0 turns it off.
   */
  setKeyPropagationDelayMs(ms: number): void;
  /** The encoded message AWS would attach to this denied request (for DecodeAuthorizationMessage). */
  encodeAuthorizationMessage(denied: DeniedRequest): string;
  /** Console sign-ins made through the federation endpoint, without tokens. */
  signins(): readonly ConsoleSignin[];
}

export interface AccessKeyInfo {
  readonly accessKeyId: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAtMs: number;
}

const MAX_BODY_BYTES = 1024 * 1024;

class Dropped {
  constructor(readonly fault: Fault['kind']) {}
}

function failureError(fault: FailureFault, caller: Principal | undefined): StsError {
  switch (fault.kind) {
    case 'throttle':
      return throttling();
    case 'server-error':
      return fault.status === 503 ? serviceUnavailable() : internalFailure();
    case 'expired-token':
      return expiredToken();
    case 'region-disabled':
      return regionDisabled(caller ? principalAccount(caller) : '000000000000');
    case 'drop':
      throw new Error('a drop fault has no error response');
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new StsError(413, 'RequestEntityTooLarge', 'Request body is larger than 1 MB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The access key id the request claims, for the call record, even when the rest is broken. */
function claimedAccessKeyId(rawHeaders: readonly string[]): string | null {
  const authorization = headerMap(rawHeaders).get('authorization') ?? '';
  return /Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? null;
}

export async function startStsEmulator(options: StsEmulatorOptions): Promise<StsEmulator> {
  checkOptions(options);
  const baseClock = options.now ?? Date.now;
  const state = new StsState(options, baseClock());
  const faults = new FaultQueue();
  let skewMs = 0;
  const clock = (): number => baseClock() + skewMs;
  let calls: RecordedCall[] = [];
  const sleepers = new Set<() => void>();
  const minDurationSeconds = options.minDurationSeconds ?? AWS_MIN_DURATION;
  const issuedLifetimeSeconds = options.issuedLifetimeSeconds ?? {};
  const tokenLength = {
    session: options.sessionTokenLength ?? DEFAULT_TOKEN_LENGTH.session,
    role: options.sessionTokenLength ?? DEFAULT_TOKEN_LENGTH.role,
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  function authenticate(wire: WireRequest, nowMs: number, service: EmulatedService): Principal {
    const auth = parseSigV4(wire);
    // IAM is global (AWS wants us-east-1 in the scope); with an endpoint URL given, clients
    // sign for whatever region they run in, so any well-formed region is taken here.
    checkScope(auth, { service, region: service === 'iam' ? undefined : options.region });
    const credential = state.credential(auth.accessKeyId, nowMs);
    if (!credential) throw invalidClientTokenId();
    // Temporary credentials only work with their own token; long-lived keys with none.
    if (auth.securityToken !== credential.sessionToken) throw invalidClientTokenId();
    if (credential.expiresAtMs !== undefined && nowMs >= credential.expiresAtMs) throw expiredToken();
    checkRequestTime(auth, nowMs);
    verifySignature(wire, auth, credential.secretAccessKey);
    return credential.principal;
  }

  function send(response: ServerResponse, status: number, body: string, requestId: string, extra: Record<string, string> = {}): void {
    if (response.destroyed) return;
    response.sendDate = false; // the Date header is the emulator's clock, skew included
    response.writeHead(status, {
      'Content-Type': 'text/xml',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': requestId,
      Date: new Date(clock()).toUTCString(),
      ...extra,
    });
    response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const accessKeyId = claimedAccessKeyId(request.rawHeaders);
    let action = '';
    let namespace = STS_XML_NAMESPACE;
    let applied: Fault['kind'] | undefined;
    const record = (status: number, errorCode?: string): void => {
      calls.push({
        action,
        accessKeyId,
        status,
        ...(errorCode === undefined ? {} : { errorCode }),
        ...(applied === undefined ? {} : { fault: applied }),
        atMs: clock(),
        requestId,
      });
    };
    try {
      const body = await readBody(request);
      const rawUrl = request.url ?? '/';
      const q = rawUrl.indexOf('?');
      const wire: WireRequest = {
        method: request.method ?? 'GET',
        path: q < 0 ? rawUrl : rawUrl.slice(0, q),
        query: q < 0 ? '' : rawUrl.slice(q + 1),
        rawHeaders: request.rawHeaders,
        body,
      };
      if (wire.path === FEDERATION_PATH) {
        action = new URLSearchParams(wire.query).get('Action') ?? '';
        const { failure } = faults.take(action);
        if (failure) {
          applied = failure.kind;
          if (failure.kind === 'drop') throw new Dropped(failure.kind);
          throw failureError(failure, undefined);
        }
        const reply = federationReply(state, wire.method, wire.query, clock());
        send(response, reply.status, reply.body, requestId, {
          'Content-Type': reply.contentType,
          ...(reply.location === undefined ? {} : { Location: reply.location }),
        });
        record(reply.status);
        return;
      }
      const query = parseQueryRequest({
        method: wire.method,
        query: wire.query,
        contentType: request.headers['content-type'],
        body,
      });
      action = query.action;
      if (query.service === 'iam') namespace = IAM_XML_NAMESPACE;
      const { delayMs, delayAfterProcessing, failure } = faults.take(action);
      if (delayMs > 0 && !delayAfterProcessing) {
        applied = 'latency';
        await sleep(delayMs);
      }
      if (failure) applied = failure.kind;
      const afterProcessing = failure !== undefined && 'afterProcessing' in failure && failure.afterProcessing === true;
      if (failure && !afterProcessing) {
        if (failure.kind === 'drop') throw new Dropped(failure.kind);
        throw failureError(failure, undefined);
      }
      const nowMs = clock();
      const caller = authenticate(wire, nowMs, query.service);
      const handler = handlerFor(query.service, action);
      const result = handler({ state, caller, params: query.params, nowMs, minDurationSeconds, tokenLength, issuedLifetimeSeconds });
      if (delayMs > 0 && delayAfterProcessing) {
        applied = 'latency';
        await sleep(delayMs);
      }
      if (failure) {
        if (failure.kind === 'drop') throw new Dropped(failure.kind);
        throw failureError(failure, caller);
      }
      send(response, 200, successXml(action, result, requestId, namespace), requestId);
      record(200);
    } catch (error) {
      if (error instanceof Dropped) {
        request.socket.destroy();
        record(0);
        return;
      }
      const stsError =
        error instanceof StsError ? error : new StsError(500, 'InternalFailure', 'The STS emulator failed on this request.');
      if (!(error instanceof StsError)) {
        process.stderr.write(`sts-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      send(response, stsError.status, errorXml(stsError, requestId, namespace), requestId);
      record(stsError.status, stsError.code);
    }
  }

  // Role session tokens of 8 KB and more ride in a header; allow them with room to spare.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    void handle(request, response);
  });
  const url = await listenOnLoopback(server);

  return {
    url,
    close: () => {
      for (const wake of [...sleepers]) wake();
      return closeServer(server);
    },
    totp: (serial, atMs) => state.mfa.code(serial, atMs ?? clock()),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setClockSkewMs: (ms) => {
      skewMs = ms;
    },
    now: clock,
    get calls() {
      return [...calls];
    },
    resetCalls: () => {
      calls = [];
    },
    revokeAccessKey: (id) => state.revoke(id),
    issued: () => state.issued(),
    acceptRoleCredentials: (credentials) => acceptExternal(state, credentials, clock()),
    accessKeys: (userName) =>
      state.iamKeys
        .ofUser(userName)
        .map((key) => ({ accessKeyId: key.accessKeyId, status: key.status, createdAtMs: key.createdAtMs })),
    setKeyPropagationDelayMs: (ms) => {
      state.iamKeys.propagationDelayMs = ms;
    },
    encodeAuthorizationMessage: (denied) => state.messages.encode(denied),
    signins: () => state.signin.signins(),
  };
}
