// `sts-tray pick`: choose a role on the terminal and print its name on stdout, so a shell can
// capture it (`sts assume` without a name). The list is drawn on stderr, the keys read from
// the terminal in raw mode; Esc or Ctrl-C cancels (exit 130).

import { ENVIRONMENTS } from '../core/model.js';
import { StsTrayError } from '../core/errors.js';
import { Cancelled } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { keysOf, render, step, type PickerState } from './role-picker.js';

export async function pickRole(ctx: CommandContext): Promise<void> {
  const config = await ctx.services.configStore.load();
  if (config.roles.length === 0) throw new StsTrayError('not-found', 'no roles yet; add one with sts-tray role add NAME … (or sts-tray import)');
  if (!ctx.io.interactive || !process.stdin.isTTY) {
    throw new StsTrayError('usage', 'pick needs a terminal to show the list on; name the role instead (sts assume NAME)');
  }
  const roles = [...config.roles]
    .sort((a, b) => ENVIRONMENTS.indexOf(a.env) - ENVIRONMENTS.indexOf(b.env))
    .map((r) => ({ name: r.name, env: r.env }));
  ctx.io.out(`${await pickOnTerminal({ roles, filter: '', index: 0 })}\n`);
}

function pickOnTerminal(initial: PickerState): Promise<string> {
  const stdin = process.stdin;
  const screen = process.stderr;
  let state = initial;
  let drawn = 0;
  const draw = () => {
    const lines = render(state);
    // Back to the first line drawn, clear to the end, draw again.
    if (drawn > 0) screen.write(`\u001b[${drawn - 1}A\r\u001b[J`);
    screen.write(lines.join('\n'));
    drawn = lines.length;
  };
  return new Promise((resolve, reject) => {
    const finish = (outcome: { chosen: string } | { cancelled: true }) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      screen.write(`\u001b[${Math.max(0, drawn - 1)}A\r\u001b[J`);
      if ('chosen' in outcome) resolve(outcome.chosen);
      else reject(new Cancelled());
    };
    const onData = (data: Buffer) => {
      for (const key of keysOf(data.toString('utf8'))) {
        const next = step(state, key);
        if ('state' in next) state = next.state;
        else return finish(next);
      }
      draw();
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    draw();
  });
}
