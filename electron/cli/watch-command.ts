// `sts-tray watch [NAME ...]`: the renewal engine in the foreground of a terminal, for people
// without a tray (WSL, Linux servers, terminal users). This file is the process around the
// loop (watch-loop.ts): its own timers that hold the process, signals, and Ctrl-C at a prompt.

import { SystemTimers, systemClock } from '../adapters/system-timers.js';
import { stringOption, type CommandContext } from './command-context.js';
import { confirmPrd } from './prd-confirm.js';
import { serveFromWatch } from './watch-credential-server.js';
import { runWatch } from './watch-loop.js';

/** The `watch` command on the real process: system timers, signals, the terminal. */
export async function watch(ctx: CommandContext): Promise<void> {
  for (const name of new Set(ctx.args)) await confirmPrd(ctx, name, 'keep renewing');
  // The engine's timers do not hold the process; watch's own (the heartbeat) do: its loop is
  // why the process runs.
  const timers = new SystemTimers({ unref: false });
  let onSignal: () => void = () => {};
  const stop = new Promise<void>((resolve) => (onSignal = resolve));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // While an MFA prompt is open the terminal is in raw mode: Ctrl-C is a keypress that
  // closes the prompt, not a SIGINT. The user still means "stop".
  const onKey = (_text: unknown, key: { ctrl?: boolean; name?: string } | undefined) => {
    if (key?.ctrl === true && key.name === 'c') onSignal();
  };
  if (ctx.io.interactive) process.stdin.on('keypress', onKey);
  const server = await serveFromWatch(ctx, process.env);
  try {
    await runWatch({
      engine: ctx.services.engine,
      config: () => ctx.services.configStore.load(),
      io: ctx.io,
      clock: systemClock,
      timers,
      roles: ctx.args,
      mfaCode: stringOption(ctx, 'mfa-code'),
      stop,
    });
  } finally {
    await server?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (ctx.io.interactive) {
      process.stdin.off('keypress', onKey);
      // A prompt still open (stopped by SIGTERM) would keep reading the terminal, and the process alive.
      process.stdin.pause();
    }
  }
}
