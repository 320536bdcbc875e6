// `sts-tray exec NAME -- COMMAND [ARG ...]`: one command with the role's credentials in its
// environment and nothing written anywhere. The child gets the terminal; its exit code is
// ours; a Ctrl-C reaches it (the terminal sends it to the whole group) and other signals sent
// to us are passed on, so `timeout` or a process manager can stop it through us.

import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { sessionVariables } from '../core/export-format.js';
import { StsTrayError } from '../core/errors.js';
import type { CommandContext } from './command-context.js';
import { confirmPrd } from './prd-confirm.js';
import { reusedSession } from './session-commands.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

export async function execCommand(ctx: CommandContext): Promise<number> {
  const [name, command, ...args] = ctx.args;
  if (name === undefined || command === undefined) throw new StsTrayError('usage', 'exec needs a role NAME, then -- and a command');
  await confirmPrd(ctx, name, 'run a command as');
  const session = await reusedSession(ctx, name);
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A profile named in the environment must not win over the credentials given here.
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;
  for (const [variable, value] of sessionVariables(session)) env[variable] = value;
  return runChild(command, args, env);
}

function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // Listening before the spawn: a signal sent as soon as the command runs (it may print before
    // this process is scheduled again) is passed on, instead of ending this process unhandled.
    const started: { child?: ChildProcess } = {};
    const handlers = FORWARDED.map((signal) => [signal, () => void started.child?.kill(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const child = spawn(command, args, { env, stdio: 'inherit' });
    started.child = child;
    const cleanUp = () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanUp();
      reject(
        new StsTrayError(
          'not-found',
          error.code === 'ENOENT' ? `exec: ${command}: command not found` : `exec: ${command} could not start: ${error.message}`,
        ),
      );
    });
    child.on('exit', (code, signal) => {
      cleanUp();
      // As a shell reports it: 128 + the signal's number for a child a signal ended.
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
