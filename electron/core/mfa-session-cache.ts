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
    if (inMemory && this.usable(inMemory)) return inMemory;
    // Ours has ended, but another process (`sts-tray assume` in a terminal, the tray) may
    // have stored a new one since: the keychain decides, and only an unusable item there is
    // deleted.
    this.memory.delete(identity);
    const stored = await this.stored(identity);
    if (stored === 'missing') return null;
    if (stored === 'unreadable' || !this.usable(stored)) {
      await this.forget(identity);
      return null;
    }
    this.memory.set(identity, stored);
    return stored;
  }

  /**
   * When the latest session ends by our clock (STS states it by its own), for status and
   * warnings: ours while usable, else the keychain's, which another process may have renewed.
   */
  async expiresAt(identity: string): Promise<number | null> {
    const inMemory = this.memory.get(identity);
    if (inMemory && this.usable(inMemory)) return localExpiry(inMemory);
    const stored = await this.stored(identity);
    const latest = typeof stored === 'object' ? stored : inMemory;
    return latest ? localExpiry(latest) : null;
  }

  /** The keychain's item, parsed. */
  private async stored(identity: string): Promise<TemporaryCredentials | 'missing' | 'unreadable'> {
    const raw = await this.secrets.get(mfaSessionItem(identity));
    if (raw === null) return 'missing';
    const parsed = cachedSchema.safeParse(safeJson(raw));
    if (!parsed.success) return 'unreadable';
    const { v: _v, ...session } = parsed.data;
    return session;
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

/** JSON.parse that answers undefined instead of throwing, for items another process may have damaged. */
export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
