// The command's exit codes, in a file of their own so the credential-process fast path can
// use them without loading the CLI. 130 is what shells report for Ctrl-C (128 + SIGINT).

export const EXIT = { ok: 0, failed: 1, usage: 2, needsMfa: 3, cancelled: 130 } as const;
