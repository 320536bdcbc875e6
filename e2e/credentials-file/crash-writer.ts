// Child process of crash.test.ts: renews two profiles in one write, in a loop, until killed.
// argv: <credentials path> <config path> <first generation>. Prints "ready" once loaded and
// starts writing at the first line on stdin, so the parent can start the next writer early;
// prints "wrote" after its first whole write.
// Every value carries its generation, so the parent can tell old from new from a mix.

import { AwsProfileStore, type ProfileWrite } from '../../electron/core/credentials-file/aws-profile-store.js';
import { NodeFileStore } from '../../electron/adapters/node-file-store.js';

export function generationWrite(profile: string, n: number): ProfileWrite {
  return {
    profile,
    accessKeyId: `ASIA${String(n).padStart(16, '0')}`,
    secretAccessKey: `fake-secret-${n}`,
    // A realistic size, so a write takes long enough to be interrupted in the middle.
    sessionToken: `fake-token-${n}-${'Q'.repeat(3000)}`,
    expiresAt: Date.UTC(2026, 0, 1) + n * 1000,
    region: 'ap-northeast-1',
    source: `role ${profile}`,
  };
}

async function main(): Promise<void> {
  const [credentials = '', config = '', first = '0'] = process.argv.slice(2);
  const store = new AwsProfileStore(new NodeFileStore(), { credentials, config });
  process.stdout.write('ready\n');
  await new Promise((go) => process.stdin.once('data', go));
  for (let n = Number(first); ; n += 1) {
    await store.write([generationWrite('tes', n), generationWrite('stg', n)]);
    // Once: the parent may wait for a finished write before it kills, whatever the machine's load.
    if (n === Number(first)) process.stdout.write('wrote\n');
  }
}

if (process.argv[1]?.endsWith('crash-writer.js') || process.argv[1]?.endsWith('crash-writer.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
