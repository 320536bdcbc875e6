// `sts-tray`: parses argv, runs one command against the core, maps the outcome to an exit
// code (0 ok, 1 failed, 2 usage or bad input, 3 a code is needed, 130 cancelled) and a
// reason on stderr.

import { StsTrayError, describeError } from '../core/errors.js';
import { Cancelled, type CliIo } from './cli-io.js';
import { runCommand, type ServicesFactory } from './commands.js';
import { EXIT } from './exit-codes.js';
import { NO_LIVE_SESSIONS, type LiveSessions } from './live-sessions.js';
import { parseCommand, type ParsedCommand } from './parse-command.js';
import { helpPage } from './usage.js';
import { VERSION } from './version.js';

export { EXIT } from './exit-codes.js';

/** Help and version need no services: nothing is read or started for them. */
function answerWithoutServices(parsed: ParsedCommand, io: CliIo): number | null {
  if (parsed.command === 'version') {
    io.out(`sts-tray ${VERSION}\n`);
    return EXIT.ok;
  }
  if (parsed.command !== 'help') return null;
  const page = helpPage(parsed.args);
  if ('text' in page) {
    io.out(page.text);
    return EXIT.ok;
  }
  throw new StsTrayError('usage', page.unknown);
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  services: ServicesFactory,
  live: LiveSessions = NO_LIVE_SESSIONS,
): Promise<number> {
  try {
    const parsed = parseCommand(argv);
    const answered = answerWithoutServices(parsed, io);
    if (answered !== null) return answered;
    return (await runCommand(parsed, io, services, live)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof Cancelled) {
      io.err('sts-tray: cancelled\n');
      return EXIT.cancelled;
    }
    io.err(`sts-tray: ${describeError(error)}\n`);
    if (error instanceof StsTrayError) {
      if (error.code === 'usage' || error.code === 'validation') return EXIT.usage;
      if (error.code === 'needs-mfa') return EXIT.needsMfa;
    }
    return EXIT.failed;
  }
}
