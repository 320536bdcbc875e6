// The console sign-in endpoint (https://signin.aws.amazon.com/federation) on the emulator's
// port: getSigninToken takes a session's keys as JSON and answers a sign-in token, but only
// for credentials the emulator issued that are still live and may open the console (role and
// federated-user sessions); login redeems the token once and redirects to the destination.

import { principalArn } from './principals.js';
import type { StsState } from './sts-state.js';

export const FEDERATION_PATH = '/federation';

export interface FederationReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly location?: string;
}

const CONSOLE_SECONDS = { min: 900, max: 43_200, default: 3600 } as const;

const refused = (why: string): FederationReply => ({ status: 400, contentType: 'text/plain', body: `${why}\n` });

interface SessionJson {
  readonly sessionId: string;
  readonly sessionKey: string;
  readonly sessionToken: string;
}

function sessionOf(text: string | null): SessionJson | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { sessionId, sessionKey, sessionToken } = value as Record<string, unknown>;
    if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') return undefined;
    return { sessionId, sessionKey, sessionToken };
  } catch {
    return undefined;
  }
}

function getSigninToken(state: StsState, params: URLSearchParams, nowMs: number): FederationReply {
  const session = sessionOf(params.get('Session'));
  if (!session) return refused('Session must be JSON with sessionId, sessionKey and sessionToken');
  const credential = state.session(session.sessionId, session.sessionKey, session.sessionToken, nowMs);
  if (!credential) return refused('the session credentials are invalid or expired');
  const { principal } = credential;
  if (principal.kind !== 'role-session' && principal.kind !== 'federated') {
    return refused('only role sessions and federated users may sign in to the console');
  }
  const durationText = params.get('SessionDuration');
  let consoleSeconds: number = CONSOLE_SECONDS.default;
  if (durationText !== null) {
    // AWS: a federated user's console session lasts as long as its credentials.
    if (principal.kind === 'federated') return refused('SessionDuration is not accepted with GetFederationToken credentials');
    consoleSeconds = Number(durationText);
    if (!/^\d+$/.test(durationText) || consoleSeconds < CONSOLE_SECONDS.min || consoleSeconds > CONSOLE_SECONDS.max) {
      return refused(`SessionDuration must be ${CONSOLE_SECONDS.min} to ${CONSOLE_SECONDS.max} seconds`);
    }
  } else if (principal.kind === 'federated' && credential.expiresAtMs !== undefined) {
    consoleSeconds = Math.round((credential.expiresAtMs - nowMs) / 1000);
  }
  const token = state.signin.issue(principalArn(principal), consoleSeconds, nowMs);
  return { status: 200, contentType: 'application/json', body: JSON.stringify({ SigninToken: token }) };
}

function login(state: StsState, params: URLSearchParams, nowMs: number): FederationReply {
  const destination = params.get('Destination');
  const token = params.get('SigninToken');
  if (!destination || !/^https:\/\//.test(destination) || !token) {
    return refused('login needs an https Destination and a SigninToken');
  }
  const signin = state.signin.redeem(token, destination, params.get('Issuer') ?? undefined, nowMs);
  if (!signin) return refused('the sign-in token is invalid, expired or already used');
  return { status: 302, contentType: 'text/plain', body: '', location: destination };
}

/** Answers one request to the federation endpoint; `query` is the URL's query string. */
export function federationReply(state: StsState, method: string, query: string, nowMs: number): FederationReply {
  if (method !== 'GET') return { status: 405, contentType: 'text/plain', body: 'the federation endpoint takes GET\n' };
  const params = new URLSearchParams(query);
  switch (params.get('Action')) {
    case 'getSigninToken':
      return getSigninToken(state, params, nowMs);
    case 'login':
      return login(state, params, nowMs);
    default:
      return refused('Action is getSigninToken or login');
  }
}
