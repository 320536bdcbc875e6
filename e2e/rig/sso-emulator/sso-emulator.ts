// An IAM Identity Center look-alike on loopback HTTP for tests (never shipped): the sso-oidc
// JSON API with the device authorization flow (pending, slow_down, expired, denied), refresh
// tokens and client registrations that end; the access portal's ListAccounts,
// ListAccountRoles and GetRoleCredentials behind bearer-token checks; and a device page a
// browser approves. Every service sits under /{region}/, so a client aimed at the wrong
// region meets an instance that does not know the start URL.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listenOnLoopback } from '../loopback-server.js';
import { newSecretAccessKey, newSessionToken, newTemporaryAccessKeyId, DEFAULT_TOKEN_LENGTH } from '../sts-emulator/issued-credentials.js';
import type { SsoEmulatorOptions } from './sso-emulator-config.js';
import { SsoState, fakeToken, newUserCode, type Authorization } from './sso-state.js';
import { resultPage, verificationPage } from './verification-page.js';

export type { IssuedSsoCredentials, SsoEmulatorAccount, SsoEmulatorOptions } from './sso-emulator-config.js';

export interface SsoCall {
  readonly call: string; // e.g. 'CreateToken', 'GetRoleCredentials', 'Approve'
  readonly region: string;
  readonly status: number; // 0 when the connection was dropped
  readonly errorType?: string;
  readonly atMs: number;
}

export interface SsoEmulator {
  /** http://127.0.0.1:PORT — the base of every service. */
  readonly url: string;
  /** What clients set as their endpoint: `${url}/{region}`. */
  readonly endpointTemplate: string;
  /** The start URL this instance knows. */
  readonly startUrl: string;
  /** The instance's region (the SSO region clients must name). */
  readonly region: string;
  close(): Promise<void>;
  /** Approves or denies the device authorization with this user code, as the browser page does. */
  approve(userCode: string): void;
  deny(userCode: string): void;
  /** The user codes started so far, newest last. */
  userCodes(): readonly string[];
  /** Ends every session: access and refresh tokens are refused from now on. */
  revokeSessions(): void;
  /** Access tokens end now (refresh tokens still work). */
  expireAccessTokens(): void;
  /** Client registrations end now. */
  expireClients(): void;
  /** The next `times` requests of `call` lose their connection without an answer. */
  dropNext(call: string, times?: number): void;
  /** The next `times` CreateToken polls answer slow_down. */
  slowDownNext(times?: number): void;
  setClockSkewMs(ms: number): void;
  now(): number;
  readonly calls: readonly SsoCall[];
}

class Answer {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly body: Record<string, unknown>,
  ) {}
}

class Dropped {}

const oauthError = (status: number, type: string, error: string, description: string) =>
  new Answer(status, type, { error, error_description: description });
const portalError = (status: number, type: string, message: string) => new Answer(status, type, { message });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSsoEmulator(options: SsoEmulatorOptions): Promise<SsoEmulator> {
  const state = new SsoState();
  const baseClock = options.now ?? Date.now;
  let skewMs = 0;
  const clock = (): number => baseClock() + skewMs;
  const calls: SsoCall[] = [];
  const drops = new Map<string, number>();
  let slowDowns = 0;
  const intervalSeconds = options.intervalSeconds ?? 1;
  const pageSize = options.pageSize ?? 2;
  let url = '';

  const json = (raw: string): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const str = (body: Record<string, unknown>, key: string): string => (typeof body[key] === 'string' ? body[key] : '');

  function client(body: Record<string, unknown>, now: number) {
    const found = state.clients.get(str(body, 'clientId'));
    if (!found || found.clientSecret !== str(body, 'clientSecret')) throw oauthError(401, 'InvalidClientException', 'invalid_client', 'Invalid client');
    if (now >= found.expiresAtMs) throw oauthError(401, 'InvalidClientException', 'invalid_client', 'Client registration has expired');
    return found;
  }

  function issueTokens(clientId: string, scopes: readonly string[], now: number): Record<string, unknown> {
    const accessToken = fakeToken('aoa');
    const seconds = options.accessTokenSeconds ?? 3600;
    state.accessTokens.set(accessToken, { clientId, expiresAtMs: now + seconds * 1000, revoked: false });
    const body: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn: seconds };
    if ((options.refreshTokens ?? true) && scopes.includes('sso:account:access')) {
      const refreshToken = fakeToken('aor');
      state.refreshTokens.set(refreshToken, { clientId, revoked: false });
      body.refreshToken = refreshToken;
    }
    return body;
  }

  function oidc(action: string, region: string, body: Record<string, unknown>, now: number): Record<string, unknown> {
    switch (action) {
      case 'RegisterClient': {
        if (!str(body, 'clientName') || str(body, 'clientType') !== 'public') {
          throw oauthError(400, 'InvalidRequestException', 'invalid_request', 'clientName and clientType=public are required');
        }
        const clientId = fakeToken('client');
        const clientSecret = fakeToken('secret');
        const expiresAtMs = now + (options.clientRegistrationSeconds ?? 90 * 86_400) * 1000;
        const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : [];
        state.clients.set(clientId, { clientId, clientSecret, expiresAtMs, scopes });
        return { clientId, clientSecret, clientIdIssuedAt: Math.floor(now / 1000), clientSecretExpiresAt: Math.floor(expiresAtMs / 1000) };
      }
      case 'StartDeviceAuthorization': {
        const c = client(body, now);
        if (region !== options.region || str(body, 'startUrl') !== startUrl) {
          throw oauthError(400, 'InvalidRequestException', 'invalid_request', 'Invalid start URL for this region');
        }
        const seconds = options.deviceCodeSeconds ?? 600;
        const authorization: Authorization = {
          deviceCode: fakeToken('device'),
          userCode: newUserCode(),
          clientId: c.clientId,
          expiresAtMs: now + seconds * 1000,
          state: 'pending',
          lastPollMs: null,
        };
        state.authorizations.set(authorization.deviceCode, authorization);
        const verificationUri = `${url}/${region}/verify`;
        return {
          deviceCode: authorization.deviceCode,
          userCode: authorization.userCode,
          verificationUri,
          verificationUriComplete: `${verificationUri}?user_code=${authorization.userCode}`,
          expiresIn: seconds,
          interval: intervalSeconds,
        };
      }
      case 'CreateToken':
        return createToken(body, now);
    }
    throw oauthError(404, 'UnknownOperationException', 'invalid_request', 'Unknown operation');
  }

  function createToken(body: Record<string, unknown>, now: number): Record<string, unknown> {
    const c = client(body, now);
    const grantType = str(body, 'grantType');
    if (grantType === 'refresh_token') {
      const refresh = state.refreshTokens.get(str(body, 'refreshToken'));
      if (!refresh || refresh.revoked || refresh.clientId !== c.clientId) throw oauthError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid refresh token');
      return issueTokens(c.clientId, c.scopes, now);
    }
    if (grantType !== 'urn:ietf:params:oauth:grant-type:device_code') throw oauthError(400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'Unsupported grant type');
    const authorization = state.authorizations.get(str(body, 'deviceCode'));
    if (!authorization || authorization.clientId !== c.clientId || authorization.state === 'used') {
      throw oauthError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid device code');
    }
    if (now >= authorization.expiresAtMs) throw oauthError(400, 'ExpiredTokenException', 'expired_token', 'Device code has expired');
    if (authorization.state === 'denied') throw oauthError(400, 'AccessDeniedException', 'access_denied', 'Access denied');
    const tooSoon = authorization.lastPollMs !== null && now - authorization.lastPollMs < intervalSeconds * 1000 - 200;
    authorization.lastPollMs = now;
    if (slowDowns > 0 || tooSoon) {
      if (slowDowns > 0) slowDowns -= 1;
      throw oauthError(400, 'SlowDownException', 'slow_down', 'Client is polling too quickly');
    }
    if (authorization.state === 'pending') throw oauthError(400, 'AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
    authorization.state = 'used';
    return issueTokens(c.clientId, state.clients.get(c.clientId)?.scopes ?? [], now);
  }

  function bearer(request: IncomingMessage, now: number): void {
    const header = request.headers['x-amz-sso_bearer_token'];
    const token = typeof header === 'string' ? state.accessTokens.get(header) : undefined;
    if (!token || token.revoked || now >= token.expiresAtMs) throw portalError(401, 'UnauthorizedException', 'Session token not found or invalid');
  }

  function page<T>(items: readonly T[], query: URLSearchParams): { items: T[]; nextToken?: string } {
    const start = Number(query.get('next_token') ?? '0') || 0;
    const asked = Number(query.get('max_result') ?? String(pageSize)) || pageSize;
    const size = Math.min(asked, pageSize);
    const slice = items.slice(start, start + size);
    return start + size < items.length ? { items: slice, nextToken: String(start + size) } : { items: slice };
  }

  function portal(action: string, region: string, request: IncomingMessage, query: URLSearchParams, now: number): Record<string, unknown> {
    if (region !== options.region) throw portalError(401, 'UnauthorizedException', 'Session token not found or invalid');
    bearer(request, now);
    switch (action) {
      case 'ListAccounts': {
        const { items, nextToken } = page(options.accounts, query);
        return { accountList: items.map((a) => ({ accountId: a.accountId, accountName: a.accountName, emailAddress: `aws+${a.accountName}@example.com` })), ...(nextToken ? { nextToken } : {}) };
      }
      case 'ListAccountRoles': {
        const account = options.accounts.find((a) => a.accountId === query.get('account_id'));
        if (!account) throw portalError(403, 'ForbiddenException', 'No access');
        const { items, nextToken } = page(account.roles, query);
        return { roleList: items.map((roleName) => ({ roleName, accountId: account.accountId })), ...(nextToken ? { nextToken } : {}) };
      }
      case 'GetRoleCredentials': {
        const accountId = query.get('account_id') ?? '';
        const roleName = query.get('role_name') ?? '';
        const account = options.accounts.find((a) => a.accountId === accountId);
        if (!account || !account.roles.includes(roleName)) throw portalError(403, 'ForbiddenException', 'No access');
        const issued = {
          accessKeyId: newTemporaryAccessKeyId(),
          secretAccessKey: newSecretAccessKey(),
          sessionToken: newSessionToken(DEFAULT_TOKEN_LENGTH.role),
          expiresAtMs: now + (options.roleCredentialSeconds ?? 3600) * 1000,
          accountId,
          roleName,
          user: options.user,
        };
        options.onRoleCredentials?.(issued);
        return {
          roleCredentials: {
            accessKeyId: issued.accessKeyId,
            secretAccessKey: issued.secretAccessKey,
            sessionToken: issued.sessionToken,
            expiration: issued.expiresAtMs,
          },
        };
      }
      case 'Logout': {
        const header = request.headers['x-amz-sso_bearer_token'];
        const token = typeof header === 'string' ? state.accessTokens.get(header) : undefined;
        if (token) token.revoked = true;
        return {};
      }
    }
    throw portalError(404, 'UnknownOperationException', 'Unknown operation');
  }

  const ROUTES: Record<string, string> = {
    'POST /oidc/client/register': 'RegisterClient',
    'POST /oidc/device_authorization': 'StartDeviceAuthorization',
    'POST /oidc/token': 'CreateToken',
    'GET /portal/assignment/accounts': 'ListAccounts',
    'GET /portal/assignment/roles': 'ListAccountRoles',
    'GET /portal/federation/credentials': 'GetRoleCredentials',
    'POST /portal/logout': 'Logout',
    'GET /verify': 'VerificationPage',
    'POST /verify/approve': 'Approve',
    'POST /verify/deny': 'Deny',
  };

  function decide(userCode: string, outcome: 'approved' | 'denied'): string {
    const authorization = state.byUserCode(userCode);
    if (!authorization || authorization.state !== 'pending' || clock() >= authorization.expiresAtMs) return 'This code is not valid any more';
    authorization.state = outcome;
    return outcome === 'approved' ? 'Request approved' : 'Request denied';
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = new URL(request.url ?? '/', 'http://emulator');
    const [, region = '', ...rest] = parsed.pathname.split('/');
    const call = ROUTES[`${request.method ?? 'GET'} /${rest.join('/')}`] ?? 'Unknown';
    const now = clock();
    const record = (status: number, errorType?: string) =>
      calls.push({ call, region, status, ...(errorType === undefined ? {} : { errorType }), atMs: now });
    try {
      const raw = await readBody(request);
      const left = drops.get(call) ?? 0;
      if (left > 0) {
        drops.set(call, left - 1);
        throw new Dropped();
      }
      if (call === 'VerificationPage' || call === 'Approve' || call === 'Deny') {
        const userCode = call === 'VerificationPage' ? (parsed.searchParams.get('user_code') ?? '') : (new URLSearchParams(raw).get('user_code') ?? '');
        const html = call === 'VerificationPage' ? verificationPage(userCode, `/${region}/verify`) : resultPage(decide(userCode, call === 'Approve' ? 'approved' : 'denied'));
        sendRaw(response, 200, 'text/html; charset=utf-8', html);
        record(200);
        return;
      }
      const body =
        rest[0] === 'oidc' ? oidc(call, region, json(raw), now) : rest[0] === 'portal' ? portal(call, region, request, parsed.searchParams, now) : undefined;
      if (!body) throw portalError(404, 'UnknownOperationException', 'Unknown operation');
      send(response, new Answer(200, '', body));
      record(200);
    } catch (error) {
      if (error instanceof Dropped) {
        request.socket.destroy();
        record(0);
        return;
      }
      const answer = error instanceof Answer ? error : portalError(500, 'InternalServerException', 'The emulator failed');
      if (!(error instanceof Answer)) process.stderr.write(`sso-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
      send(response, answer);
      record(answer.status, answer.type);
    }
  }

  function sendRaw(response: ServerResponse, status: number, contentType: string, text: string, type = ''): void {
    if (response.destroyed) return;
    response.sendDate = false; // the Date header is the emulator's clock, skew included
    response.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-RequestId': randomUUID(),
      ...(type ? { 'x-amzn-ErrorType': type } : {}),
      Date: new Date(clock()).toUTCString(),
    });
    response.end(text);
  }

  function send(response: ServerResponse, answer: Answer): void {
    sendRaw(response, answer.status, 'application/json', JSON.stringify(answer.body), answer.type);
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  url = await listenOnLoopback(server);
  const startUrl = `${url}/start`;

  return {
    url,
    endpointTemplate: `${url}/{region}`,
    startUrl,
    region: options.region,
    close: () => closeServer(server),
    approve: (userCode) => void decide(userCode, 'approved'),
    deny: (userCode) => void decide(userCode, 'denied'),
    userCodes: () => [...state.authorizations.values()].map((a) => a.userCode),
    revokeSessions: () => state.revokeAll(),
    expireAccessTokens: () => {
      for (const token of state.accessTokens.values()) token.expiresAtMs = Math.min(token.expiresAtMs, clock());
    },
    expireClients: () => {
      for (const c of state.clients.values()) c.expiresAtMs = Math.min(c.expiresAtMs, clock());
    },
    dropNext: (call, times = 1) => drops.set(call, (drops.get(call) ?? 0) + times),
    slowDownNext: (times = 1) => {
      slowDowns += times;
    },
    setClockSkewMs: (ms) => {
      skewMs = ms;
    },
    now: clock,
    get calls() {
      return [...calls];
    },
  };
}
