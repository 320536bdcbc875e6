// Cleanup an unclean exit left undone. A clean quit runs the quit-time cleanup (remove our
// profiles when the preference says so) and removes the run marker; a crash, a kill, or a
// logoff that skipped the quit sequence leaves the marker behind, and the next start then
// does the cleanup that quit would have done, before anything is renewed again.

import type { RunMarker } from './ports.js';

export interface BeginRunDeps {
  readonly marker: RunMarker;
  /** The quit preference now in the config ('keep' when it cannot be read). */
  readonly onQuit: () => Promise<'keep' | 'remove'>;
  readonly removeOwnedProfiles: () => Promise<unknown>;
}

export interface RunStart {
  /** The previous run ended without a clean quit. */
  readonly uncleanExit: boolean;
  /** Its profiles were removed now, as its quit should have done. */
  readonly removedLeftovers: boolean;
}

export async function beginRun(deps: BeginRunDeps): Promise<RunStart> {
  const uncleanExit = await deps.marker.exists();
  let removedLeftovers = false;
  if (uncleanExit && (await deps.onQuit()) === 'remove') {
    await deps.removeOwnedProfiles();
    removedLeftovers = true;
  }
  await deps.marker.write();
  return { uncleanExit, removedLeftovers };
}

/** After the quit-time cleanup has run: the next start has nothing to finish. */
export function endRun(marker: RunMarker): Promise<void> {
  return marker.remove();
}
