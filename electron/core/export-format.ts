// Export lines for shells and tools: what a user pastes or evals to use a role's
// credentials. Each format quotes for its own shell; a value a format cannot carry
// safely is refused rather than emitted half-quoted.

import { StsTrayError } from './errors.js';
import type { TemporaryCredentials } from './model.js';
import { localExpiry, rfc3339 } from './time.js';
import { EXPORT_FORMATS, type ExportFormat } from '../contract/export-formats.js';

export { EXPORT_FORMATS, type ExportFormat } from '../contract/export-formats.js';

export interface ExportInput {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiresAt: number;
  readonly region?: string | undefined;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function variables(input: ExportInput): Array<[string, string]> {
  const vars: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', input.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', input.secretAccessKey],
    ['AWS_SESSION_TOKEN', input.sessionToken],
    ['AWS_CREDENTIAL_EXPIRATION', rfc3339(input.expiresAt)],
  ];
  if (input.region) vars.push(['AWS_REGION', input.region], ['AWS_DEFAULT_REGION', input.region]);
  for (const [name, value] of vars) {
    if (/[\r\n\0]/.test(value)) {
      throw new StsTrayError('validation', `${name} contains a line break and cannot be exported; assume the role again`);
    }
  }
  return vars;
}

const posixQuote = (v: string) => `'${v.replaceAll("'", `'\\''`)}'`;
const fishQuote = (v: string) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const pwshQuote = (v: string) => `'${v.replaceAll("'", "''")}'`;

function cmdLine(name: string, value: string): string {
  // Inside `set "NAME=value"` only % (and ! with delayed expansion) and " stay special.
  if (/["%!^]/.test(value)) {
    throw new StsTrayError('validation', `${name} holds a character cmd.exe cannot take safely; use the pwsh format`);
  }
  return `set "${name}=${value}"`;
}

function dotenvLine(name: string, value: string): string {
  return /^[A-Za-z0-9+/=_.:@-]*$/.test(value) ? `${name}=${value}` : `${name}=${JSON.stringify(value)}`;
}

/** The text for one format; lines end with \n (\r\n for cmd and pwsh). */
export function renderExport(format: ExportFormat, input: ExportInput): string {
  if (format === 'json') {
    // credential_process output, Version 1.
    return `${JSON.stringify({
      Version: 1,
      AccessKeyId: input.accessKeyId,
      SecretAccessKey: input.secretAccessKey,
      SessionToken: input.sessionToken,
      Expiration: rfc3339(input.expiresAt),
    })}\n`;
  }
  const vars = variables(input);
  switch (format) {
    case 'bash':
      return vars.map(([n, v]) => `export ${n}=${posixQuote(v)}\n`).join('');
    case 'fish':
      return vars.map(([n, v]) => `set -gx ${n} ${fishQuote(v)};\n`).join('');
    case 'pwsh':
      return vars.map(([n, v]) => `$Env:${n} = ${pwshQuote(v)}\r\n`).join('');
    case 'cmd':
      return vars.map(([n, v]) => `${cmdLine(n, v)}\r\n`).join('');
    case 'dotenv':
      return vars.map(([n, v]) => `${dotenvLine(n, v)}\n`).join('');
  }
}

/** Every variable export lines may set: what `sts --unset` clears. */
export const EXPORT_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

type RoleSessionOutput = { readonly credentials: TemporaryCredentials; readonly region: string };

const exportInput = ({ credentials, region }: RoleSessionOutput): ExportInput => ({ ...credentials, expiresAt: localExpiry(credentials), region });

/** The variables of a role session, for a child process's environment (`sts-tray exec`). */
export function sessionVariables(session: RoleSessionOutput): Array<[string, string]> {
  return variables(exportInput(session));
}

/**
 * The export lines of a role session: the tray's clipboard copy, `sts-tray export` and
 * credential_process all print these. The expiry is by our clock, as the tools that read it
 * compare it with theirs.
 */
export function sessionExport(format: ExportFormat, session: RoleSessionOutput): string {
  return renderExport(format, exportInput(session));
}
