// Assuming a chained role: AssumeRole called with the source role's session. The source's
// session is shared while it is fresh (SessionService.roleSession renews it first when it
// has no more than the renewal lead left, so a chained renewal never signs with an ending
// session); a source session STS no longer takes (revoked, or ended early by a clock we
// misjudged) is dropped and assumed once more before the chained call is retried.

import { StsTrayError } from './errors.js';
import type { TemporaryCredentials } from './model.js';

export async function assumeChained<S>(
  sourceSession: (fresh: boolean) => Promise<S>,
  assume: (source: S) => Promise<TemporaryCredentials>,
  dropSource: () => void,
): Promise<TemporaryCredentials> {
  const source = await sourceSession(false);
  try {
    return await assume(source);
  } catch (error) {
    if (!(error instanceof StsTrayError) || (error.code !== 'expired' && error.code !== 'invalid-key')) throw error;
    dropSource();
    return assume(await sourceSession(true));
  }
}
