// Process entry of the `sts-tray` command (bundled to CommonJS by scripts/build-cli.mjs, so no
// top-level await here).

import { socketLiveSessions } from './live-sessions.js';
import { runCli } from './run-cli.js';
import { terminalIo } from './terminal-io.js';

// The SDK warns on Node < 22 about its own future releases; users of this command cannot act on it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

void runCli(
  process.argv.slice(2),
  terminalIo(),
  async (options) => {
    const { composeNodeServices } = await import('../adapters/node-services.js');
    return composeNodeServices(process.env, options);
  },
  socketLiveSessions(process.env),
).then((code) => {
  process.exitCode = code;
});
