// CliIo on the real process: stdout/stderr, a hidden prompt on a TTY, stdin on a pipe.

import { createInterface } from 'node:readline';
import { Cancelled, type CliIo } from './cli-io.js';

export function terminalIo(): CliIo {
  const interactive = Boolean(process.stdin.isTTY);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive,
    readSecret: (prompt) => (interactive ? hiddenPrompt(prompt) : readAllStdin()),
    ask: (prompt) => visiblePrompt(prompt),
  };
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks one question; Ctrl-C or a closed terminal rejects, so the caller can stop cleanly. */
function visiblePrompt(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.on('SIGINT', () => {
      process.stderr.write('\n');
      rl.close();
    });
    rl.on('close', () => {
      if (!answered) reject(new Cancelled());
    });
    rl.question(prompt, (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim());
    });
  });
}

/** Reads a line with echo off, so the secret never shows on screen or in scrollback. */
function hiddenPrompt(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // Raw before the prompt shows: a key typed as soon as the prompt appears (Ctrl-C among
    // them) must meet the raw terminal, not the line discipline's echo and signals.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.resume();
    let value = '';
    const done = (result: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(value);
        if (ch === '\u0003' || ch === '\u0004') return done(new Cancelled());
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
