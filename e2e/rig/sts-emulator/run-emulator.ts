// Starts the STS emulator from a JSON config (see emulator-config-file.ts) for benchmarks and
// manual runs: `node --import tsx e2e/rig/sts-emulator/run-emulator.ts config.json`.
// Prints one line, {"url": "http://127.0.0.1:PORT"}, then serves until SIGTERM or SIGINT.

import { readEmulatorFile } from './emulator-config-file.js';
import { startStsEmulator } from './sts-emulator.js';

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: run-emulator.ts <config.json>   (users, roles; MFA seeds in base32)\n');
    return 2;
  }
  let emulator;
  try {
    emulator = await startStsEmulator(readEmulatorFile(path));
  } catch (error) {
    process.stderr.write(`sts-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  const running = emulator;
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
  });
  await running.close();
  return 0;
}

process.exitCode = await main();
