// `sts-tray identity show|rotate NAME`: what there is to know about an identity's long-lived
// key, and rotating it (IAM with the identity's MFA session; a code is asked for as assume does).

import { keyFacts, type KeyFacts } from '../core/key-facts.js';
import { rotateIdentityKey } from '../core/key-rotation.js';
import { flag, nameArg, withMfaCode, type CommandContext } from './command-context.js';

export async function identityShow(ctx: CommandContext): Promise<void> {
  const facts = await keyFacts(ctx.services, nameArg(ctx));
  ctx.io.out(flag(ctx, 'json') ? `${JSON.stringify(facts, null, 2)}\n` : describeFacts(facts));
}

export async function identityRotate(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const report = await withMfaCode(ctx, (mfaCode) => rotateIdentityKey(ctx.services, name, { mfaCode }));
  for (const note of report.notes) ctx.io.err(`note: ${note}\n`);
  ctx.io.out(`identity ${name} now uses ${report.newAccessKeyId} (verified with STS, in the OS keychain); the old key ${report.oldAccessKeyId} is ${report.oldKey}\n`);
}

function describeFacts(f: KeyFacts): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const age =
    f.ageDays === null || f.keyCreatedAt === null
      ? 'unknown'
      : `${f.ageDays} days (${f.keyAgeFrom === 'iam' ? 'created' : 'stored by sts-tray'} ${day(f.keyCreatedAt)})${f.rotationDue ? `: older than ${f.maxAgeDays} days, rotate it with sts-tray identity rotate ${f.identity}` : ''}`;
  const account = f.unexpectedAccount
    ? `${f.keyAccount}  UNEXPECTED: the identity and its roles are in ${f.expectedAccounts.join(', ')}; is this the right key?`
    : f.keyAccount;
  const lines = [
    `identity    ${f.identity}`,
    `access key  ${f.accessKeyIdMasked}`,
    `account     ${account}`,
    `user        ${f.userArn}`,
    `MFA device  ${f.mfaSerial ?? '-'}`,
    `key age     ${age}`,
  ];
  for (const k of f.otherKeys) lines.push(`other key   ${k.accessKeyId} (${k.status}, created ${day(k.createdAt)}): ${k.advice}`);
  for (const note of f.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

