// The launcher's fast path for `sts-tray credential-process NAME`: ask the running app over
// its socket before the CLI bundle (AWS SDK, keytar, config schema) is even read, so an AWS
// tool's credential lookup costs little more than Node's start. Returns the exit code when
// the app answered, or null to let the full command do the work itself.

import { askCredentialSocket } from '../adapters/credential-socket-client.js';
import { credentialSocketLocation } from '../adapters/credential-socket-path.js';
import { renderExport } from '../core/export-format.js';
import { EXIT } from './exit-codes.js';
import { needsMfaMessage } from './live-sessions.js';

export async function servedCredentialProcess(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  // Only the plain form; anything else (flags, --help) goes to the full parser.
  if (argv.length !== 2 || argv[0] !== 'credential-process' || argv[1] === undefined || argv[1].startsWith('-')) return null;
  if (env.STS_TRAY_SOCKET === 'off') return null;
  const role = argv[1];
  const answer = await askCredentialSocket(credentialSocketLocation(env), { op: 'session', role });
  if (answer.ok === true) {
    process.stdout.write(renderExport('json', answer.session));
    return EXIT.ok;
  }
  if (answer.ok === false) {
    const needsMfa = answer.code === 'needs-mfa';
    process.stderr.write(`sts-tray: ${needsMfa ? needsMfaMessage(role) : answer.message}\n`);
    return needsMfa ? EXIT.needsMfa : answer.code === 'usage' ? EXIT.usage : EXIT.failed;
  }
  if (answer.suspicious) process.stderr.write(`sts-tray: note: not asking the running app: ${answer.why}\n`);
  // The full command must not wait on the same socket again.
  env.STS_TRAY_SOCKET = 'off';
  return null;
}
