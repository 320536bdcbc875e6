// A renewal engine wired to in-memory fakes on virtual time, for the engine's unit tests:
// fake STS, keychain and files, every identity's key saved, events recorded.

import { AwsProfileStore } from '../credentials-file/aws-profile-store.js';
import { saveIdentityKey } from '../identity-keys.js';
import type { AppConfig } from '../model.js';
import type { RenewalEvent } from '../renewal/renewal-events.js';
import { composeRenewal } from '../compose-services.js';
import type { RenewalEngine } from '../renewal/renewal-engine.js';
import { FakeStsBroker } from './fake-sts-broker.js';
import { MemoryFileStore } from './memory-file-store.js';
import { MemorySecretStore } from './memory-secret-store.js';
import { VirtualTime, flush } from './virtual-time.js';

export const RIG_PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config' } as const;

export interface RenewalRig {
  readonly time: VirtualTime;
  readonly sts: FakeStsBroker;
  readonly secrets: MemorySecretStore;
  readonly files: MemoryFileStore;
  readonly engine: RenewalEngine;
  readonly events: RenewalEvent[];
  /** Lets the engine finish what the last timer started. */
  settle(): Promise<void>;
}

/** `config` is read on every use, so a test may change what it returns (or make it throw). */
export async function renewalRig(config: () => AppConfig, files = new MemoryFileStore()): Promise<RenewalRig> {
  const time = new VirtualTime(Date.UTC(2026, 10, 23, 9, 0, 0));
  const sts = new FakeStsBroker(time);
  const secrets = new MemorySecretStore();
  for (const identity of config().identities) await saveIdentityKey(secrets, identity, `fake-secret-${identity.name}-000000000`);
  const profiles = new AwsProfileStore(files, RIG_PATHS);
  const { engine } = composeRenewal({ config, secrets, sts, profiles, clock: time, timers: time, random: () => 0 });
  const events: RenewalEvent[] = [];
  engine.on((e) => events.push(e));
  const settle = async () => {
    await flush();
    await engine.idle();
    await flush();
  };
  return { time, sts, secrets, files, engine, events, settle };
}
