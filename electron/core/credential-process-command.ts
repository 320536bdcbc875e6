// The `credential_process = …` line sts-tray writes for a role. botocore splits it with shlex
// (no shell) and the JS SDK runs it through /bin/sh, so each word is left bare when it is
// plainly a path or a name, and double-quoted otherwise; a word either reader could read
// differently (quotes, backslash, $, backtick) is refused. The shell passes the launcher:
// the Node binary and the CLI file the user runs, as absolute paths, so the profile works
// from any AWS tool whatever its PATH.

import { StsTrayError } from './errors.js';

const BARE = /^[A-Za-z0-9_./:@%+=,-]+$/;
const QUOTABLE = /^[^"\\$`\r\n]+$/;

function word(text: string): string {
  if (BARE.test(text)) return text;
  if (QUOTABLE.test(text)) return `"${text}"`;
  throw new StsTrayError('validation', `the path ${JSON.stringify(text)} contains a quote, backslash, $ or backtick, so it cannot go into a credential_process line; install sts-tray under a plainer path`);
}

/** `launcher… credential-process ROLE`, quoted for both botocore and the JS SDK. */
export function credentialProcessCommand(launcher: readonly string[], role: string): string {
  if (launcher.length === 0) throw new StsTrayError('validation', 'no sts-tray command to put into credential_process');
  return [...launcher, 'credential-process', role].map(word).join(' ');
}
