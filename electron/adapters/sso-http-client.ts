// IAM Identity Center's sso-oidc and access-portal APIs over HTTPS with Node's fetch. Both are
// plain JSON (restJson1) without SigV4: the OIDC calls carry the client secret in the body,
// the portal calls the access token in the x-amz-sso_bearer_token header. The SDK's SSO
// clients are not among our dependencies, and these few calls do not need them.

import { StsTrayError } from '../core/errors.js';
import type { TemporaryCredentials } from '../core/model.js';
import type {
  DeviceAuthorization,
  SsoAccount,
  SsoClientRegistration,
  SsoService,
  SsoToken,
  TokenPollOutcome,
} from '../core/ports.js';
import { errorType, mapSsoError, networkError, type SsoCall, type SsoErrorContext } from './sso-error-map.js';

export interface SsoHttpClientOptions {
  /**
   * Tests and private endpoints: a base URL for both services, `{region}` replaced by the SSO
   * region; OIDC under `/oidc`, the portal under `/portal`. Otherwise AWS's regional hosts.
   */
  readonly endpoint?: string | undefined;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Asking for this scope is what makes CreateToken issue a refresh token. */
const SCOPES = ['sso:account:access'];
const PAGE_SIZE = 100;

interface Answer {
  readonly body: Record<string, unknown>;
  /** The server's clock minus ours, from its Date header (0 when absent). */
  readonly clockOffsetMs: number;
}

export class SsoHttpClient implements SsoService {
  private readonly now: () => number;

  constructor(private readonly options: SsoHttpClientOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async registerClient(input: { region: string; clientName: string }): Promise<SsoClientRegistration> {
    const { body } = await this.oidc('RegisterClient', input.region, '/client/register', {
      clientName: input.clientName,
      clientType: 'public',
      scopes: SCOPES,
    });
    return {
      clientId: text(body, 'clientId'),
      clientSecret: text(body, 'clientSecret'),
      expiresAt: number(body, 'clientSecretExpiresAt') * 1000,
    };
  }

  async startDeviceAuthorization(input: { region: string; client: SsoClientRegistration; startUrl: string }): Promise<DeviceAuthorization> {
    const startedAt = this.now();
    const { body } = await this.oidc('StartDeviceAuthorization', input.region, '/device_authorization', {
      clientId: input.client.clientId,
      clientSecret: input.client.clientSecret,
      startUrl: input.startUrl,
    });
    const verificationUri = text(body, 'verificationUri');
    return {
      deviceCode: text(body, 'deviceCode'),
      userCode: text(body, 'userCode'),
      verificationUri,
      verificationUriComplete: typeof body.verificationUriComplete === 'string' ? body.verificationUriComplete : verificationUri,
      expiresAt: startedAt + number(body, 'expiresIn') * 1000,
      intervalSeconds: typeof body.interval === 'number' ? body.interval : 5,
    };
  }

  async pollDeviceToken(input: { region: string; client: SsoClientRegistration; deviceCode: string }): Promise<TokenPollOutcome> {
    try {
      const token = await this.createToken('CreateToken', input.region, {
        clientId: input.client.clientId,
        clientSecret: input.client.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: input.deviceCode,
      });
      return { kind: 'token', token };
    } catch (error) {
      if (error instanceof PollState) return { kind: error.state };
      throw error;
    }
  }

  async refreshToken(input: { region: string; client: SsoClientRegistration; refreshToken: string }): Promise<SsoToken> {
    return this.createToken('RefreshToken', input.region, {
      clientId: input.client.clientId,
      clientSecret: input.client.clientSecret,
      grantType: 'refresh_token',
      refreshToken: input.refreshToken,
    });
  }

  async listAccounts(input: { region: string; accessToken: string; nextToken?: string | undefined }) {
    const { body } = await this.portal('ListAccounts', input.region, input.accessToken, '/assignment/accounts', {
      next_token: input.nextToken,
      max_result: String(PAGE_SIZE),
    });
    const accounts: SsoAccount[] = list(body, 'accountList').map((a) => ({ accountId: text(a, 'accountId'), accountName: optionalText(a, 'accountName') }));
    return { accounts, nextToken: optionalText(body, 'nextToken') || undefined };
  }

  async listAccountRoles(input: { region: string; accessToken: string; accountId: string; nextToken?: string | undefined }) {
    const { body } = await this.portal('ListAccountRoles', input.region, input.accessToken, '/assignment/roles', {
      account_id: input.accountId,
      next_token: input.nextToken,
      max_result: String(PAGE_SIZE),
    });
    return { roleNames: list(body, 'roleList').map((r) => text(r, 'roleName')), nextToken: optionalText(body, 'nextToken') || undefined };
  }

  async getRoleCredentials(input: { region: string; accessToken: string; accountId: string; roleName: string }): Promise<TemporaryCredentials> {
    const target = `role ${input.roleName} in account ${input.accountId}`;
    const { body, clockOffsetMs } = await this.portal(
      'GetRoleCredentials',
      input.region,
      input.accessToken,
      '/federation/credentials',
      { role_name: input.roleName, account_id: input.accountId },
      target,
    );
    const credentials = body.roleCredentials;
    if (typeof credentials !== 'object' || credentials === null) throw malformed('GetRoleCredentials');
    const c = credentials as Record<string, unknown>;
    const expiresAt = number(c, 'expiration');
    if (expiresAt - clockOffsetMs <= this.now()) {
      throw new StsTrayError('expired', `IAM Identity Center issued credentials for ${target} that had already ended; nothing was written`);
    }
    return {
      accessKeyId: text(c, 'accessKeyId'),
      secretAccessKey: text(c, 'secretAccessKey'),
      sessionToken: text(c, 'sessionToken'),
      expiresAt,
      serverClockOffsetMs: clockOffsetMs,
    };
  }

  async logout(input: { region: string; accessToken: string }): Promise<void> {
    await this.send({ call: 'Logout', region: input.region, endpoint: this.base(input.region, 'portal') }, '/logout', {
      method: 'POST',
      headers: { 'x-amz-sso_bearer_token': input.accessToken },
    });
  }

  private async createToken(call: 'CreateToken' | 'RefreshToken', region: string, request: Record<string, string>): Promise<SsoToken> {
    const { body } = await this.oidc(call, region, '/token', request);
    const refreshToken = optionalText(body, 'refreshToken');
    return {
      accessToken: text(body, 'accessToken'),
      expiresAt: this.now() + number(body, 'expiresIn') * 1000,
      ...(refreshToken ? { refreshToken } : {}),
    };
  }

  private oidc(call: SsoCall, region: string, path: string, request: Record<string, unknown>): Promise<Answer> {
    const ctx = { call, region, endpoint: this.base(region, 'oidc') };
    return this.send(ctx, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  }

  private portal(
    call: SsoCall,
    region: string,
    accessToken: string,
    path: string,
    query: Record<string, string | undefined>,
    target?: string,
  ): Promise<Answer> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, value);
    const ctx = { call, region, endpoint: this.base(region, 'portal'), target };
    return this.send(ctx, `${path}?${search.toString()}`, { method: 'GET', headers: { 'x-amz-sso_bearer_token': accessToken } });
  }

  private async send(ctx: SsoErrorContext, path: string, init: RequestInit): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${ctx.endpoint}${path}`, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    } catch (error) {
      throw networkError(ctx, error);
    }
    let body: unknown;
    try {
      const raw = await response.text();
      body = raw === '' ? {} : JSON.parse(raw);
    } catch (error) {
      if (!response.ok) throw mapSsoError('', response.status, ctx);
      throw networkError(ctx, error);
    }
    if (!response.ok) {
      const type = errorType(response.headers, body);
      if (ctx.call === 'CreateToken' && type === 'AuthorizationPendingException') throw new PollState('pending');
      if (ctx.call === 'CreateToken' && type === 'SlowDownException') throw new PollState('slow-down');
      throw mapSsoError(type, response.status, ctx);
    }
    if (typeof body !== 'object' || body === null) throw malformed(ctx.call);
    const date = Date.parse(response.headers.get('date') ?? '');
    return { body: body as Record<string, unknown>, clockOffsetMs: Number.isNaN(date) ? 0 : date - this.now() };
  }

  private base(region: string, service: 'oidc' | 'portal'): string {
    const override = this.options.endpoint;
    if (override) return `${override.replaceAll('{region}', region).replace(/\/+$/, '')}/${service}`;
    return service === 'oidc' ? `https://oidc.${region}.amazonaws.com` : `https://portal.sso.${region}.amazonaws.com`;
  }
}

/** CreateToken's "not yet" answers while the person has not approved. */
class PollState {
  constructor(readonly state: 'pending' | 'slow-down') {}
}

function malformed(call: SsoCall): StsTrayError {
  return new StsTrayError('validation', `IAM Identity Center answered ${call} with something sts-tray cannot read; nothing was saved`);
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new StsTrayError('validation', `IAM Identity Center's answer lacks ${key}; nothing was saved`);
  return value;
}

function optionalText(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

function number(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new StsTrayError('validation', `IAM Identity Center's answer lacks ${key}; nothing was saved`);
  return value;
}

function list(body: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new StsTrayError('validation', `IAM Identity Center's answer has a malformed ${key}`);
  return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
}
