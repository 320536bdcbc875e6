// The command's exit codes, in a file of their own so the credential-process fast path can
// use them without loading the CLI.

export const EXIT = { ok: 0, failed: 1, usage: 2, needsMfa: 3 } as const;
