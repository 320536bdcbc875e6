// `sts-tray console NAME`: the AWS console as a role (or, with no role of that name or with
// --identity, as the identity itself through GetFederationToken), opened in the browser or
// printed with --print. The URL is a secret: it goes to stdout only when asked for.

import { consoleLink, type ConsoleTarget } from '../core/console-signin.js';
import { flag, nameArg, secondsOption, stringOption, withMfaCode, type CommandContext } from './command-context.js';
import { openInBrowser } from './browser-handoff.js';

export async function consoleCommand(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const config = await ctx.services.configStore.load();
  const target: ConsoleTarget =
    flag(ctx, 'identity') || !config.roles.some((r) => r.name === name) ? { identity: name } : { role: name };
  const link = await withMfaCode(ctx, (mfaCode) =>
    consoleLink(ctx.services, {
      target,
      destination: stringOption(ctx, 'destination'),
      region: stringOption(ctx, 'region'),
      durationSeconds: secondsOption(ctx, 'duration'),
      mfaCode,
    }),
  );
  for (const notice of link.notices) ctx.io.err(`note: ${notice}\n`);
  if (flag(ctx, 'print')) {
    ctx.io.out(`${link.url}\n`);
    return;
  }
  await openInBrowser(link.url, process.env);
  ctx.io.out(`opened the AWS console in your browser as ${link.principal}\n`);
}
