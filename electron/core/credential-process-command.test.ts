import { describe, expect, it } from 'vitest';
import { credentialProcessCommand } from './credential-process-command.js';

describe('credentialProcessCommand', () => {
  it.each([
    [['sts-tray'], 'tes', 'sts-tray credential-process tes'],
    [['/usr/bin/node', '/opt/sts-tray/dist/cli/sts-tray.cjs'], 'prd-repository', '/usr/bin/node /opt/sts-tray/dist/cli/sts-tray.cjs credential-process prd-repository'],
    [['/home/me/My Tools/node', '/home/me/app/sts-tray.cjs'], 'tes', '"/home/me/My Tools/node" /home/me/app/sts-tray.cjs credential-process tes'],
    [['C:/Program Files/nodejs/node.exe', 'C:/Users/me/sts-tray.cjs'], 'stg', '"C:/Program Files/nodejs/node.exe" C:/Users/me/sts-tray.cjs credential-process stg'],
  ])('%j %s -> %s', (launcher, role, line) => {
    expect(credentialProcessCommand(launcher, role)).toBe(line);
  });

  it.each([['/tmp/a"b'], ['/tmp/$HOME'], ['/tmp/a\\b'], ['/tmp/`x`']])('refuses %s', (path) => {
    expect(() => credentialProcessCommand([path], 'tes')).toThrow(/cannot go into a credential_process line/);
  });
});
