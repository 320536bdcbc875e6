// Assuming a chained role: AssumeRole called with the source role's session. The source's
// session is shared while it is fresh (SessionService.roleSession renews it first when it
// has no more than the renewal lead left, so a chained renewal never signs with an ending
// session); a source session STS no longer takes (revoked, or ended early by a clock we
// misjudged) is dropped and assumed once more before the chained call is retried.

import { StsTrayError } from './errors.js';
import type { TemporaryCredentials } from './model.js';

export interface ChainLinkNames {
  /** The chained role, and the role whose session assumes it. */
  readonly role: string;
  readonly source: string;
  readonly sourceArn: string;
}

export async function assumeChained<S>(
  link: ChainLinkNames,
  sourceSession: (fresh: boolean) => Promise<S>,
  assume: (source: S) => Promise<TemporaryCredentials>,
  dropSource: () => void,
): Promise<TemporaryCredentials> {
  const source = await sourceSession(false);
  try {
    return await assume(source).catch(explainDenied(link));
  } catch (error) {
    if (!(error instanceof StsTrayError) || (error.code !== 'expired' && error.code !== 'invalid-key')) throw error;
    dropSource();
    const renewed = await sourceSession(true);
    return assume(renewed).catch(explainDenied(link));
  }
}

/** A refusal names the link: the caller AWS judged is the source role, not the identity. */
function explainDenied(link: ChainLinkNames): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof StsTrayError) || error.code !== 'access-denied') throw error;
    throw new StsTrayError(
      'access-denied',
      `role "${link.role}" is assumed with the session of role "${link.source}": its trust policy must name ${link.sourceArn}; ${error.message}`,
      { cause: error },
    );
  };
}
