// `sts-tray credential-process NAME`: the AWS credential_process JSON (Version 1, with
// Expiration) for a role, for a profile line `credential_process = sts-tray
// credential-process NAME`. From the running app's live session when there is one, else
// the work done here (keychain + STS). It never prompts: an AWS tool runs it with stderr
// captured, so a prompt would hang the tool. It never writes a file.

import { ERROR_CODES, StsTrayError, type ErrorCode } from '../core/errors.js';
import { renderExport, sessionExport } from '../core/export-format.js';
import { nameArg, type CommandContext } from './command-context.js';
import { needsMfaMessage } from './live-sessions.js';

export async function credentialProcess(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const live = await ctx.live(name);
  if (live.ok === true) {
    ctx.io.out(renderExport('json', live.session));
    return;
  }
  if (live.ok === false) throw servedError(name, live.code, live.message);
  if (live.suspicious) ctx.io.err(`sts-tray: note: not asking the running app: ${live.why}\n`);
  try {
    ctx.io.out(sessionExport('json', await ctx.services.sessions.roleSession(name)));
  } catch (error) {
    if (error instanceof StsTrayError && error.code === 'needs-mfa') throw new StsTrayError('needs-mfa', needsMfaMessage(name));
    throw error;
  }
}

/** The app's refusal as our error, so the exit code and message are the same either way. */
export function servedError(role: string, code: string, message: string): StsTrayError {
  if (code === 'needs-mfa') return new StsTrayError('needs-mfa', needsMfaMessage(role));
  const known = (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'validation';
  return new StsTrayError(known, message);
}
