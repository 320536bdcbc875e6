// What the renewal benchmark measures besides STS calls: credentials-file writes (a
// FileStore that counts around the real one) and staleness (owned profiles in the real
// file whose expiry has passed), with the CPU the measuring itself costs, so it can be
// taken out of the figures.

import type { AwsProfileStore } from '../electron/core/credentials-file/aws-profile-store.js';
import type { FileSnapshot, FileStore, ReplaceOutcome } from '../electron/core/ports.js';

/** Counts replaces that wrote, per path. */
export class CountingFileStore implements FileStore {
  readonly writes = new Map<string, number>();
  /** The bytes last written to each path. */
  readonly latest = new Map<string, Uint8Array>();
  /** Bumped on every write, so readers know when to look again. */
  version = 0;

  constructor(private readonly inner: FileStore) {}

  read(path: string): Promise<FileSnapshot> {
    return this.inner.read(path);
  }

  async replace(path: string, bytes: Uint8Array, expected: FileSnapshot): Promise<ReplaceOutcome> {
    const outcome = await this.inner.replace(path, bytes, expected);
    if (outcome.status === 'written') {
      this.writes.set(path, (this.writes.get(path) ?? 0) + 1);
      this.latest.set(path, bytes);
      this.version += 1;
    }
    return outcome;
  }

  writesTo(path: string): number {
    return this.writes.get(path) ?? 0;
  }
}

/** CPU microseconds (user + system) since `start`. */
export function cpuSinceUs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const EXPIRES_LINE = /^x_security_token_expires[ \t]*=[ \t]*(\S+)/gm;

/**
 * Worst staleness seen: an owned profile in the credentials file with expiresAt <= now.
 * After each write it scans the bytes written for expiry lines (the app's own parser costs
 * ~9 ms a look at 1,000 profiles, and there is a look after every wave); `check` compares
 * the scan with the app's parser at the end.
 */
export class StalenessProbe {
  worstMs = 0;
  samples = 0;
  staleSamples = 0;
  /** CPU spent probing, to subtract from the run's CPU. */
  cpuUs = 0;
  private seenVersion = -1;
  private seen: number[] = [];

  constructor(
    private readonly files: CountingFileStore,
    private readonly path: string,
  ) {}

  sample(now: number): void {
    const start = process.cpuUsage();
    if (this.seenVersion !== this.files.version) {
      this.seenVersion = this.files.version;
      const text = new TextDecoder().decode(this.files.latest.get(this.path));
      this.seen = [...text.matchAll(EXPIRES_LINE)].map((m) => Date.parse(m[1] ?? ''));
    }
    let worst = 0;
    let stale = false;
    for (const expiresAt of this.seen) {
      if (expiresAt <= now) {
        stale = true;
        worst = Math.max(worst, now - expiresAt);
      }
    }
    this.samples += 1;
    if (stale) this.staleSamples += 1;
    this.worstMs = Math.max(this.worstMs, worst);
    this.cpuUs += cpuSinceUs(start);
  }

  expiries(): number[] {
    return [...this.seen];
  }
}

/** Throws unless the scan saw what the app's parser sees in the file: every role, same expiries. */
export async function checkProbe(probe: StalenessProbe, profiles: AwsProfileStore, roles: number): Promise<void> {
  const owned = (await profiles.listOwned()).map((o) => o.expiresAt ?? Number.NaN).sort((a, b) => a - b);
  const scanned = probe.expiries().sort((a, b) => a - b);
  if (owned.length !== roles || owned.join() !== scanned.join()) {
    throw new Error(`the staleness probe saw ${scanned.length} expiries, the credentials file holds ${owned.length} owned profiles for ${roles} roles, or they differ`);
  }
}
