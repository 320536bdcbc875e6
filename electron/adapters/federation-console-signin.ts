// ConsoleSignin over the console's federation endpoint: one GET with the session's keys as
// JSON answers a sign-in token. Both the keys and the token are secrets, so neither appears
// in an error message; the endpoint's own words are passed on only when they are short text.

import { StsTrayError } from '../core/errors.js';
import type { TemporaryCredentials } from '../core/model.js';
import type { ConsoleSignin } from '../core/ports.js';
import { exchange } from './http-exchange.js';

export class FederationConsoleSignin implements ConsoleSignin {
  constructor(private readonly options: { readonly timeoutMs?: number } = {}) {}

  async getSigninToken(input: {
    readonly endpoint: string;
    readonly credentials: TemporaryCredentials;
    readonly sessionDurationSeconds?: number | undefined;
  }): Promise<string> {
    const url = new URL(input.endpoint);
    const session = JSON.stringify({
      sessionId: input.credentials.accessKeyId,
      sessionKey: input.credentials.secretAccessKey,
      sessionToken: input.credentials.sessionToken,
    });
    url.searchParams.set('Action', 'getSigninToken');
    if (input.sessionDurationSeconds !== undefined) url.searchParams.set('SessionDuration', String(input.sessionDurationSeconds));
    url.searchParams.set('Session', session);
    let reply;
    try {
      reply = await exchange({ url, method: 'GET', timeoutMs: this.options.timeoutMs ?? 15_000 });
    } catch {
      throw new StsTrayError('network', `cannot reach the console sign-in endpoint ${url.origin}${url.pathname}: check the network connection`);
    }
    if (reply.status !== 200) {
      const said = /^[\x20-\x7e\n]{1,300}$/.test(reply.body) ? ` (it said: ${reply.body.trim()})` : '';
      throw new StsTrayError(
        reply.status >= 500 ? 'network' : 'access-denied',
        `the console sign-in endpoint refused the session with HTTP ${reply.status}${said}`,
      );
    }
    let token: unknown;
    try {
      token = (JSON.parse(reply.body) as { SigninToken?: unknown }).SigninToken;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new StsTrayError('validation', 'the console sign-in endpoint answered without a sign-in token');
    }
    return token;
  }
}
