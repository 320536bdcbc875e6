// A command on a pseudo-terminal, as a person runs it: util-linux `script` gives it a pty, so
// prompts, raw mode, Ctrl-C and `isTTY` behave as in a real terminal. What the command writes
// to stdout and stderr arrives together, as on a screen; keys go in through `type`.

import { spawn } from 'node:child_process';

export interface PtyProcess {
  /** Everything shown so far, terminal control sequences removed. */
  screen(): string;
  type(keys: string): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  readonly exited: Promise<number | null>;
  kill(): void;
}

const shellWord = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
// CSI sequences (cursor moves, clears) and the carriage returns a pty adds.
const CONTROL = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]|\\r`, 'g');

export function startInPty(argv: readonly string[], env: NodeJS.ProcessEnv): PtyProcess {
  const child = spawn('script', ['-qfec', `exec ${argv.map(shellWord).join(' ')}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  const waiters = new Set<() => void>();
  const onData = (data: Buffer) => {
    raw += data.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const screen = () => raw.replace(CONTROL, '');
  return {
    screen,
    type: (keys) => child.stdin.write(keys),
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(screen())) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the terminal never showed ${pattern} within ${timeoutMs} ms; it shows:\n${screen()}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}
