// Runs Python against the botocore that Debian's AWS CLI v2 itself loads (awscli.botocore,
// bundled in the awscli package), with the interpreter on the CLI's own #! line. So the
// differential tests read files exactly as `aws` does, and need no package beyond awscli.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { debianAwsCli } from './aws-cli.js';

let interpreter: string | undefined;

/** The Python that runs Debian's `aws`. */
export function awsCliPython(): string {
  interpreter ??= (readFileSync(debianAwsCli(), 'utf8').split('\n')[0] ?? '').replace(/^#!\s*/, '').trim();
  return interpreter;
}

/** Runs `script` with `input` as JSON on stdin and parses the JSON it prints. */
export function runAwsCliPython<T>(script: string, input: unknown): T {
  const output = execFileSync(awsCliPython(), ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1', LC_ALL: 'C.UTF-8' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output) as T;
}
