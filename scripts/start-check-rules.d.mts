// Types of start-check-rules.mjs for its TypeScript test.

export interface StartFacts {
  readonly platform: string;
  readonly restrictUserns: string | null;
  readonly sandbox: { readonly uid: number; readonly mode: number } | null;
  readonly profileAllowsElectron: boolean;
  readonly electronDir: string;
}

/** What to do, or null when Electron can start. */
export function sandboxProblem(facts: StartFacts): string | null;

/** What to say when Electron's binary is missing and could not be downloaded. */
export function missingBinaryMessage(reason: string): string;
