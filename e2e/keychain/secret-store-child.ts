// One KeytarSecretStore call in a process of its own, failing the way the CLI does: a
// one-line reason on stderr and exit code 1. Lets tests give it a broken environment
// (no D-Bus, a locked keyring) and see what a person would see.
//
//   node --import tsx e2e/keychain/secret-store-child.ts SERVICE get|set|delete|list [ACCOUNT]
//
// `set` reads the value from stdin, so it never appears in argv. stdout gets one JSON line:
// {"ok":true,"result":…} or {"ok":false,"code":"…"}.

import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { describeError, isStsTrayError } from '../../electron/core/errors.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function run(service: string, operation: string, account: string): Promise<unknown> {
  const store = new KeytarSecretStore(service);
  switch (operation) {
    case 'get':
      return store.get(account);
    case 'set':
      return store.set(account, await readStdin());
    case 'delete':
      return store.delete(account);
    case 'list':
      return store.list();
    default:
      throw new Error(`unknown operation ${operation}`);
  }
}

const [service = '', operation = '', account = ''] = process.argv.slice(2);
if (!service.startsWith('sts-tray-test-')) {
  // Never the production service, whatever a caller passes.
  process.stderr.write(`secret-store-child: refusing service "${service}": only sts-tray-test-… services\n`);
  process.exit(2);
}

try {
  const result = await run(service, operation, account);
  process.stdout.write(`${JSON.stringify({ ok: true, result: result ?? null })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ok: false, code: isStsTrayError(error) ? error.code : 'unexpected' })}\n`);
  process.stderr.write(`sts-tray: ${describeError(error)}\n`);
  process.exitCode = 1;
}
