// What travels over the credential socket: one JSON line each way, then the server closes.
// Checked by hand rather than with zod: the client side runs in the command's fast path,
// where every module loaded is start-up time.

export interface SessionRequest {
  readonly op: 'session';
  readonly role: string;
  /** Assume again even when the live session is fresh. */
  readonly fresh?: boolean;
}

export interface ServedSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** When it ends, by the local clock (ms since the epoch). */
  readonly expiresAt: number;
  readonly region: string;
}

export type SessionReply =
  | { readonly ok: true; readonly session: ServedSession }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Requests and replies are small; anything longer is not ours. */
export const MAX_LINE_BYTES = 64 * 1024;

const isString = (v: unknown): v is string => typeof v === 'string';

/** The line's JSON object, or null for anything else. */
function jsonObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseRequest(line: string): SessionRequest | null {
  const request = jsonObject(line);
  if (!request) return null;
  const { op, role, fresh } = request;
  if (op !== 'session' || !isString(role) || role.length === 0 || role.length > 256) return null;
  if (fresh !== undefined && typeof fresh !== 'boolean') return null;
  return { op, role, fresh: fresh === true };
}

export function parseReply(line: string): SessionReply | null {
  const reply = jsonObject(line);
  if (!reply) return null;
  if (reply.ok === false) {
    return isString(reply.code) && isString(reply.message) ? { ok: false, code: reply.code, message: reply.message } : null;
  }
  if (reply.ok !== true || typeof reply.session !== 'object' || reply.session === null) return null;
  const s = reply.session as Record<string, unknown>;
  if (!isString(s.accessKeyId) || !isString(s.secretAccessKey) || !isString(s.sessionToken) || !isString(s.region)) return null;
  if (typeof s.expiresAt !== 'number' || !Number.isFinite(s.expiresAt)) return null;
  return {
    ok: true,
    session: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, sessionToken: s.sessionToken, expiresAt: s.expiresAt, region: s.region },
  };
}
