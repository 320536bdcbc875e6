// Every `sts-tray` command, its arguments and its flags, each with one line of help: the parser,
// the help pages, "did you mean" and the shell completions are all read from this table, so
// they cannot disagree.

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help (string options). */
  readonly value?: string;
  readonly help: string;
  /** Values a completion can offer. */
  readonly choices?: readonly string[];
  /** Shown without brackets in the usage line. */
  readonly required?: true;
}

export type Options = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  /** The words that name it: 'assume', 'identity add'. */
  readonly name: string;
  /** Its positional arguments as help shows them ('NAME', '[NAME ...]', 'ROLE -- COMMAND [ARG ...]'). */
  readonly args: string;
  /** How many positionals it takes; -1: any number (the command checks). */
  readonly positionals: number;
  readonly summary: string;
  /** More lines of help under the summary. */
  readonly details?: readonly string[];
  readonly options: Options;
  /** Positionals name a role (completion offers role names). */
  readonly roleArgs?: boolean;
}

export const GLOBAL_OPTIONS: Options = {
  'endpoint-url': { type: 'string', value: 'URL', help: 'the STS endpoint to call (default: AWS; also STS_TRAY_STS_ENDPOINT)' },
  'iam-endpoint-url': { type: 'string', value: 'URL', help: 'the IAM endpoint, for identity show and rotate (also STS_TRAY_IAM_ENDPOINT)' },
  'signin-endpoint': { type: 'string', value: 'URL', help: 'the console sign-in endpoint (also STS_TRAY_SIGNIN_ENDPOINT); console URLs may then go only there' },
  help: { type: 'boolean', short: 'h', help: 'help for the command' },
};

const MFA_CODE: OptionSpec = { type: 'string', value: 'CODE', help: 'the current 6-digit code of the MFA device, when the role needs one and no MFA session is live' };
const JSON_OUT: OptionSpec = { type: 'boolean', help: 'print JSON instead of a table' };
const YES: OptionSpec = { type: 'boolean', short: 'y', help: 'do not ask before a prd role (needed for prd without a terminal)' };
const FRESH: OptionSpec = { type: 'boolean', help: 'assume the role again instead of reusing its live session' };
export const SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
const EXPORT_FORMAT_CHOICES = ['bash', 'fish', 'pwsh', 'cmd', 'dotenv', 'json'] as const;

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'import',
    args: '',
    positionals: 0,
    summary: 'bring your existing ~/.aws setup in (a dry run unless --apply)',
    details: [
      'Lists the identities (profiles with long-lived keys) and roles (role_arn + source_profile) it would',
      'create, and what it leaves out and why. Nothing is written without --apply.',
    ],
    options: {
      apply: { type: 'boolean', help: 'create them: each key is verified with STS, then stored in the keychain' },
      'credential-process': { type: 'boolean', help: 'point the imported role profiles in ~/.aws/config at sts-tray (with --apply)' },
      'remove-plaintext': { type: 'boolean', help: 'remove the key lines from ~/.aws/credentials once each key is stored (with --apply)' },
    },
  },
  {
    name: 'identity add',
    args: 'NAME',
    positionals: 1,
    summary: 'store an IAM user key: the secret is read from stdin or a hidden prompt, never from argv',
    options: {
      'access-key-id': { type: 'string', value: 'ID', help: "the key's access key id, AKIA… (required)", required: true },
      'mfa-serial': { type: 'string', value: 'ARN', help: "the MFA device's ARN (arn:aws:iam::ACCOUNT:mfa/NAME); roles added with --mfa ask for its code" },
      region: { type: 'string', value: 'REGION', help: 'the region of its STS calls (default: us-east-1)' },
      'mfa-session-seconds': { type: 'string', value: 'N', help: 'how long one MFA code lasts, 900 to 129600 s (default: 43200, 12 h)' },
      replace: { type: 'boolean', help: 'store a new key for an identity of that name' },
      'no-verify': { type: 'boolean', help: 'store the key without asking STS (GetCallerIdentity) first' },
      'console-policy': { type: 'string', value: 'JSON', help: 'a session policy for `sts-tray console --identity` (GetFederationToken)' },
    },
  },
  {
    name: 'identity show',
    args: 'NAME',
    positionals: 1,
    summary: "the key's facts: account (flagged when unexpected), user, MFA device, age, the user's other keys",
    options: { json: JSON_OUT },
  },
  {
    name: 'identity rotate',
    args: 'NAME',
    positionals: 1,
    summary: 'a new key in IAM, stored and verified, then the old one deleted (or deactivated); run again to finish one cut short',
    options: { 'mfa-code': MFA_CODE },
  },
  { name: 'identity list', args: '', positionals: 0, summary: 'list identities: masked key, region, MFA device and session', options: { json: JSON_OUT } },
  { name: 'identity remove', args: 'NAME', positionals: 1, summary: 'remove an identity and delete its keys from the keychain', options: {} },
  {
    name: 'role add',
    args: 'NAME',
    positionals: 1,
    summary: 'add a role to assume from an identity (--identity) or from another role (--source-role)',
    options: {
      identity: { type: 'string', value: 'NAME', help: 'the identity whose key (or MFA session) assumes it' },
      'source-role': { type: 'string', value: 'ROLE', help: "role chaining: assumed with that role's session (at most 1 h; MFA asked at the chain's root)" },
      'role-arn': { type: 'string', value: 'ARN', help: "the role's ARN (or give --account and --role-name)" },
      account: { type: 'string', value: 'ID', help: 'the 12-digit account id (with --role-name)' },
      'role-name': { type: 'string', value: 'NAME', help: "the role's name in that account (with --account)" },
      env: { type: 'string', value: 'ENV', help: 'tes, stg, prd or other (default: other); prd asks before every switch', choices: ['tes', 'stg', 'prd', 'other'] },
      'external-id': { type: 'string', value: 'ID', help: "the external ID the role's trust policy asks for" },
      mfa: { type: 'boolean', help: "assume it with the identity's MFA session (one code a day)" },
      'session-name': { type: 'string', value: 'NAME', help: 'the role session name (default: sts-tray-IDENTITY)' },
      duration: { type: 'string', value: 'SECONDS', help: 'session length, 900 to 43200 s (default: 3600; chained roles at most 3600)' },
      region: { type: 'string', value: 'REGION', help: "written to the profile (default: the identity's region)" },
      profile: { type: 'string', value: 'NAME', help: 'the profile to write in ~/.aws/credentials (default: the role name)' },
      'mirror-default': { type: 'boolean', help: 'also write the credentials to [default]' },
      'credential-process': { type: 'boolean', help: 'also write [profile NAME] credential_process = sts-tray … in ~/.aws/config' },
      replace: { type: 'boolean', help: 'replace a role of that name' },
      verify: { type: 'boolean', help: 'assume it once before keeping it: a role STS refuses is not saved' },
      'mfa-code': MFA_CODE,
    },
  },
  {
    name: 'role list',
    args: '',
    positionals: 0,
    summary: 'list roles: environment, profile, source, MFA, ARN',
    options: { json: JSON_OUT, names: { type: 'boolean', help: 'print only the names, one a line (for scripts and completion)' } },
  },
  { name: 'role remove', args: 'NAME', positionals: 1, summary: 'remove a role and the profile it wrote', options: {}, roleArgs: true },
  {
    name: 'assume',
    args: 'NAME',
    positionals: 1,
    summary: 'switch to a role: write its credentials as [NAME] in ~/.aws/credentials',
    options: { 'mfa-code': MFA_CODE, yes: YES },
    roleArgs: true,
  },
  {
    name: 'export',
    args: 'NAME',
    positionals: 1,
    summary: "print the role's credentials as environment lines (eval them), reusing a live session",
    options: {
      format: { type: 'string', value: 'FORMAT', help: 'bash (default), fish, pwsh, cmd, dotenv, or json (credential_process)', choices: EXPORT_FORMAT_CHOICES },
      'mfa-code': MFA_CODE,
      fresh: FRESH,
      yes: YES,
    },
    roleArgs: true,
  },
  {
    name: 'exec',
    args: 'NAME -- COMMAND [ARG ...]',
    positionals: -1,
    summary: "run one command with the role's credentials in its environment; nothing is written",
    details: ['Its exit code is passed through; Ctrl-C and other signals reach it.'],
    options: { 'mfa-code': MFA_CODE, fresh: FRESH, yes: YES },
    roleArgs: true,
  },
  { name: 'status', args: '', positionals: 0, summary: 'roles, their profiles and expiry, and the MFA sessions', options: { json: JSON_OUT } },
  {
    name: 'whoami',
    args: 'NAME',
    positionals: 1,
    summary: "GetCallerIdentity with the role's session (reused while live)",
    options: { 'mfa-code': MFA_CODE, fresh: FRESH, json: JSON_OUT },
    roleArgs: true,
  },
  {
    name: 'credential-process',
    args: 'NAME',
    positionals: 1,
    summary: 'the AWS credential_process JSON for a role; never prompts, never writes a file',
    details: ['In ~/.aws/config: credential_process = sts-tray credential-process NAME. Answered by the running tray or watch when there is one.'],
    options: {},
    roleArgs: true,
  },
  {
    name: 'console',
    args: 'NAME',
    positionals: 1,
    summary: 'open the AWS console as role NAME (or as identity NAME with --identity) in your browser',
    details: ['The sign-in URL is a secret (anyone with it is signed in): it goes to the browser, or to stdout with --print.'],
    options: {
      identity: { type: 'boolean', help: "NAME is an identity: the console with the IAM user's own permissions (GetFederationToken)" },
      destination: { type: 'string', value: 'SERVICE|URL', help: 'where the console opens: a service (s3, ec2, …) or a console URL (default: the home page)' },
      region: { type: 'string', value: 'REGION', help: "the console's region (default: the role's)" },
      duration: { type: 'string', value: 'SECONDS', help: 'how long the console session lasts, 900 to 43200 s (default: 3600)' },
      print: { type: 'boolean', help: 'print the sign-in URL instead of opening the browser' },
      'mfa-code': MFA_CODE,
    },
    roleArgs: true,
  },
  {
    name: 'decode',
    args: 'ROLE [MESSAGE|-]',
    positionals: -1,
    summary: 'decode an "Encoded authorization failure message" with the role\'s session (- or none: stdin)',
    options: { json: JSON_OUT, 'mfa-code': MFA_CODE },
    roleArgs: true,
  },
  {
    name: 'logout',
    args: 'NAME',
    positionals: -1,
    summary: 'remove the profile sts-tray wrote for a role (--all: every one, and end the MFA sessions)',
    options: { all: { type: 'boolean', help: 'every profile sts-tray wrote, and the MFA sessions' } },
    roleArgs: true,
  },
  {
    name: 'watch',
    args: '[NAME ...]',
    positionals: -1,
    summary: 'keep roles renewed in the foreground until Ctrl-C (none named: every profile sts-tray wrote)',
    options: { 'mfa-code': MFA_CODE, yes: YES },
    roleArgs: true,
  },
  {
    name: 'sso add',
    args: 'NAME',
    positionals: 1,
    summary: 'add an IAM Identity Center sign-in (its roles name it as their identity)',
    options: {
      'start-url': { type: 'string', value: 'URL', help: 'the AWS access portal URL, https://…/start (required)', required: true },
      region: { type: 'string', value: 'SSO_REGION', help: 'the region IAM Identity Center runs in (required)', required: true },
      'session-name': { type: 'string', value: 'NAME', help: 'the sso-session name, as in ~/.aws/config' },
      'role-region': { type: 'string', value: 'REGION', help: "the region written to its roles' profiles (default: the SSO region)" },
      replace: { type: 'boolean', help: 'replace a sign-in of that name' },
    },
  },
  {
    name: 'sso login',
    args: 'NAME',
    positionals: 1,
    summary: 'sign in: prints a page and a code to approve in a browser; the tokens go to the keychain',
    options: {},
  },
  {
    name: 'sso roles',
    args: 'NAME',
    positionals: 1,
    summary: 'the accounts and roles the sign-in may use, tes/stg/prd guessed',
    options: { add: { type: 'boolean', help: 'add the ones not added yet as roles (switch to them with assume)' }, json: JSON_OUT },
  },
  { name: 'sso list', args: '', positionals: 0, summary: 'list IAM Identity Center sign-ins and how long they last', options: { json: JSON_OUT } },
  { name: 'sso logout', args: 'NAME', positionals: 1, summary: 'end a sign-in: its tokens leave the keychain', options: {} },
  { name: 'sso remove', args: 'NAME', positionals: 1, summary: 'remove a sign-in and its tokens', options: {} },
  {
    name: 'shell-init',
    args: 'SHELL',
    positionals: 1,
    summary: 'print the `sts` shell function: `sts assume NAME` sets this shell\'s AWS variables',
    details: [
      'bash/zsh: eval "$(sts-tray shell-init bash)"   fish: sts-tray shell-init fish | source',
      'pwsh: sts-tray shell-init pwsh | Out-String | Invoke-Expression',
      'Then: sts assume NAME, sts assume (a picker), sts --unset.',
    ],
    options: {},
  },
  {
    name: 'pick',
    args: '',
    positionals: 0,
    summary: 'choose a role in a list (arrow keys, type to filter) and print its name',
    options: {},
  },
  {
    name: 'completion',
    args: 'SHELL',
    positionals: 1,
    summary: 'print shell completion for bash, zsh or fish',
    details: ['bash: source <(sts-tray completion bash)   zsh: source <(sts-tray completion zsh)   fish: sts-tray completion fish | source'],
    options: {},
  },
  { name: 'help', args: '[COMMAND]', positionals: -1, summary: 'help for sts-tray or one command', options: {} },
  { name: 'version', args: '', positionals: 0, summary: "print sts-tray's version (also --version)", options: {} },
];

const BY_NAME = new Map(COMMAND_SPECS.map((spec) => [spec.name, spec]));

export function commandSpec(name: string): CommandSpec | undefined {
  return BY_NAME.get(name);
}

/** The words a command line starts with: each command's first word, groups once. */
export function firstWords(): string[] {
  return [...new Set(COMMAND_SPECS.map((s) => s.name.split(' ')[0] ?? ''))];
}

/** Words that only group commands: `identity`, `role`. */
export function commandGroups(): string[] {
  return [...new Set(COMMAND_SPECS.filter((s) => s.name.includes(' ')).map((s) => s.name.split(' ')[0] ?? ''))];
}

export function groupCommands(group: string): CommandSpec[] {
  return COMMAND_SPECS.filter((s) => s.name.startsWith(`${group} `));
}

/** `--mfa-code CODE`, `-y, --yes` as help shows them. */
export function optionLabel(flag: string, spec: OptionSpec): string {
  const long = spec.type === 'string' ? `--${flag} ${spec.value ?? 'VALUE'}` : `--${flag}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

/** The command's one-line usage: `sts-tray assume NAME [--mfa-code CODE] [--yes]`. */
export function usageLine(spec: CommandSpec): string {
  const flags = Object.entries(spec.options).map(([flag, o]) => {
    const text = o.type === 'string' ? `--${flag} ${o.value ?? 'VALUE'}` : `--${flag}`;
    return o.required ? text : `[${text}]`;
  });
  return ['sts-tray', spec.name, spec.args, ...flags].filter((part) => part !== '').join(' ');
}
