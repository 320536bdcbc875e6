// The MFA session of each identity (GetSessionToken credentials), kept in memory and in
// the keychain so the CLI and a restarted tray reuse it within its lifetime: one MFA
// code per workday. It is a cache: an unreadable item is dropped and a new code asked.

import * as z from 'zod/mini';
import { InFlight } from './in-flight.js';
import { mfaSessionItem } from './keychain-items.js';
import type { TemporaryCredentials } from './model.js';
import type { Clock, SecretStore } from './ports.js';
import { localExpiry } from './time.js';

const cachedSchema = z.strictObject({
  v: z.literal(1),
  accessKeyId: z.string().check(z.minLength(1)),
  secretAccessKey: z.string().check(z.minLength(1)),
  sessionToken: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
  serverClockOffsetMs: z.number(),
});

/** An MFA session closer than this to its end is not used for new role sessions. */
export const MFA_SESSION_MIN_REMAINING_MS = 60_000;

export class MfaSessionCache {
  private readonly memory = new Map<string, TemporaryCredentials>();
  /** Roles renewed together all find the session ended: one deletion serves them all. */
  private readonly forgetting = new InFlight<void>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
  ) {}

  /** A usable MFA session for the identity, or null. */
  async get(identity: string): Promise<TemporaryCredentials | null> {
    const inMemory = this.memory.get(identity);
    if (inMemory) {
      if (this.usable(inMemory)) return inMemory;
      await this.forget(identity);
      return null;
    }
    const raw = await this.secrets.get(mfaSessionItem(identity));
    if (raw === null) return null;
    const parsed = cachedSchema.safeParse(safeJson(raw));
    if (!parsed.success || !this.usable(parsed.data)) {
      await this.forget(identity);
      return null;
    }
    const { v: _v, ...session } = parsed.data;
    this.memory.set(identity, session);
    return session;
  }

  /** When the stored session ends by our clock (STS states it by its own), for status and warnings. */
  async expiresAt(identity: string): Promise<number | null> {
    const session = this.memory.get(identity) ?? (await this.get(identity));
    return session ? localExpiry(session) : null;
  }

  async put(identity: string, session: TemporaryCredentials): Promise<void> {
    this.memory.set(identity, session);
    const value = JSON.stringify({
      v: 1,
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiresAt: session.expiresAt,
      serverClockOffsetMs: session.serverClockOffsetMs,
    });
    await this.secrets.set(mfaSessionItem(identity), value);
  }

  async forget(identity: string): Promise<void> {
    this.memory.delete(identity);
    return this.forgetting.run(identity, () => this.secrets.delete(mfaSessionItem(identity)).then(() => undefined));
  }

  private usable(session: { expiresAt: number; serverClockOffsetMs: number }): boolean {
    return localExpiry(session) - this.clock.now() > MFA_SESSION_MIN_REMAINING_MS;
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
