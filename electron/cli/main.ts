#!/usr/bin/env node
// Process entry of the `sts-tray` command.

import { runCli } from './run-cli.js';
import { terminalIo } from './terminal-io.js';

const code = await runCli(process.argv.slice(2), terminalIo(), async (options) => {
  const { createNodeServices } = await import('../adapters/node-services.js');
  return createNodeServices(process.env, options);
});
process.exitCode = code;
