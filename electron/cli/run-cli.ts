// `sts-tray`: parses argv, runs one command against the core, maps the outcome to an exit
// code (0 ok, 1 failed, 2 usage, 3 a code is needed) and a one-line reason on stderr.

import { StsTrayError, describeError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import { runCommand, type ServicesFactory } from './commands.js';
import { EXIT } from './exit-codes.js';
import { NO_LIVE_SESSIONS, type LiveSessions } from './live-sessions.js';
import { parseCommand } from './parse-command.js';
import { USAGE } from './usage.js';

export { EXIT } from './exit-codes.js';

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  services: ServicesFactory,
  live: LiveSessions = NO_LIVE_SESSIONS,
): Promise<number> {
  try {
    const parsed = parseCommand(argv);
    if (parsed.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    await runCommand(parsed, io, services, live);
    return EXIT.ok;
  } catch (error) {
    io.err(`sts-tray: ${describeError(error)}\n`);
    if (error instanceof StsTrayError) {
      if (error.code === 'usage') return EXIT.usage;
      if (error.code === 'needs-mfa') return EXIT.needsMfa;
    }
    return EXIT.failed;
  }
}
