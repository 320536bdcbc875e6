// Dispatches a parsed command to its implementation. A handler may return the process's exit
// code (exec passes its child's through); shell-init and completion print text made from the
// command table and need no services.

import type { AppServices, AppServicesOptions } from '../core/app-services.js';
import { StsTrayError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { completionScript } from './completion.js';
import { credentialProcess } from './credential-process-command.js';
import { execCommand } from './exec-command.js';
import { consoleCommand } from './console-command.js';
import { decodeCommand } from './decode-command.js';
import { identityAdd, identityList, identityRemove } from './identity-commands.js';
import { identityRotate, identityShow } from './key-commands.js';
import { importSetup } from './import-command.js';
import type { LiveSessions } from './live-sessions.js';
import type { ParsedCommand } from './parse-command.js';
import { pickRole } from './pick-command.js';
import { roleAdd, roleList, roleRemove } from './role-commands.js';
import { SSO_HANDLERS } from './sso-commands.js';
import { assume, exportLines, logout, status, whoami } from './session-commands.js';
import { shellInit } from './shell-init.js';
import { watch } from './watch-command.js';

export type ServicesFactory = (options: AppServicesOptions) => Promise<AppServices>;

const HANDLERS: Record<string, (ctx: CommandContext) => Promise<number | void>> = {
  'identity add': identityAdd,
  'identity list': identityList,
  'identity remove': identityRemove,
  'identity show': identityShow,
  'identity rotate': identityRotate,
  'role add': roleAdd,
  'role list': roleList,
  'role remove': roleRemove,
  assume,
  export: exportLines,
  exec: execCommand,
  status,
  whoami,
  logout,
  watch,
  import: importSetup,
  'credential-process': credentialProcess,
  pick: pickRole,
  ...SSO_HANDLERS,
  console: consoleCommand,
  decode: decodeCommand,
};

const TEXT: Record<string, (shell: string) => string> = {
  'shell-init': shellInit,
  completion: completionScript,
};

export async function runCommand(parsed: ParsedCommand, io: CliIo, factory: ServicesFactory, live: LiveSessions): Promise<number | void> {
  const text = TEXT[parsed.command];
  if (text) {
    io.out(text(parsed.args[0] ?? ''));
    return;
  }
  const handler = HANDLERS[parsed.command];
  if (!handler) throw new StsTrayError('usage', `unknown command "${parsed.command}"`);
  const services = await factory({
    endpointUrl: parsed.endpointUrl,
    iamEndpointUrl: parsed.iamEndpointUrl,
    signinEndpoint: parsed.signinEndpoint,
  });
  try {
    return await handler({ args: parsed.args, options: parsed.options, io, services, live });
  } finally {
    services.close();
  }
}
