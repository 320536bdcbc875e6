// The terminal around a command: where output goes and how secrets and codes are read.
// Injected so commands are testable without a terminal.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when a person can be asked (stdin is a terminal). */
  readonly interactive: boolean;
  /** Reads a value without echoing it (terminal) or all of stdin (pipe). */
  readSecret(prompt: string): Promise<string>;
  /** Asks a question on the terminal; only when interactive. */
  ask(prompt: string): Promise<string>;
}

/** The person pressed Ctrl-C (or closed the terminal) at a prompt: exit 130, no error. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';

  constructor() {
    super('cancelled');
  }
}
