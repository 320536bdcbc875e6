// `sts-tray sso add|login|roles|list|logout|remove`: IAM Identity Center sign-ins. The sign-in
// page's URL and code are printed (a terminal cannot be trusted to open a browser); the
// tokens go to the OS keychain, never to a file or the terminal.

import { StsTrayError } from '../core/errors.js';
import {
  addDiscoveredRoles,
  addSsoIdentity,
  discoverSsoRoles,
  finishSignIn,
  findSsoIdentity,
  removeSsoIdentity,
  signOutSso,
  ssoOf,
  startSignIn,
} from '../core/sso/sso-admin.js';
import { parseOrThrow } from '../core/schema-errors.js';
import { ssoIdentitySchema, type SsoIdentity } from '../contract/sso-identity.js';
import { flag, nameArg, requiredOption, stringOption, type CommandContext } from './command-context.js';
import { formatTable, timeLeft } from './format.js';

export async function ssoAdd(ctx: CommandContext): Promise<void> {
  const identity: SsoIdentity = parseOrThrow(
    ssoIdentitySchema,
    {
      name: nameArg(ctx),
      startUrl: requiredOption(ctx, 'start-url'),
      region: requiredOption(ctx, 'region'),
      sessionName: stringOption(ctx, 'session-name'),
      roleRegion: stringOption(ctx, 'role-region'),
    },
    'IAM Identity Center sign-in',
  );
  await addSsoIdentity(ctx.services, identity, { replace: flag(ctx, 'replace') });
  ctx.io.out(`IAM Identity Center sign-in ${identity.name} saved (${identity.startUrl}, ${identity.region}); sign in with: sts-tray sso login ${identity.name}\n`);
}

export async function ssoLogin(ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const name = nameArg(ctx);
  const pending = await startSignIn(ctx.services, name);
  io.out(
    `To sign in to ${name}, open this page in your browser and check that it shows the code ${pending.userCode}:\n` +
      `  ${pending.verificationUriComplete}\n` +
      `Waiting for your approval (the code works ${timeLeft(pending.expiresAt, Date.now())})…\n`,
  );
  const { expiresAt } = await finishSignIn(ctx.services, pending);
  const identity = await findSsoIdentity(ctx.services, name);
  const endsAt = (await ssoOf(ctx.services).sessions.signInEndsAt(identity)) ?? expiresAt;
  io.out(`signed in to ${name}; the sign-in can be renewed without a browser ${timeLeft(endsAt, Date.now())}\n`);
  const config = await ctx.services.configStore.load();
  if (!config.roles.some((r) => r.identity === name)) io.out(`add its accounts and roles with: sts-tray sso roles ${name} --add\n`);
}

export async function ssoRoles(ctx: CommandContext): Promise<void> {
  const { io, services } = ctx;
  const name = nameArg(ctx);
  const found = await discoverSsoRoles(services, name);
  const add = flag(ctx, 'add') ? found.filter((d) => d.added === null) : [];
  if (add.length > 0) await addDiscoveredRoles(services, name, add);
  const addedNow = new Set(add.map((d) => d.name));
  const rows = found.map((d) => ({ ...d, added: d.added ?? (addedNow.has(d.name) ? d.name : null) }));
  if (flag(ctx, 'json')) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.out(`${name} may use no account yet: ask your administrator for an assignment\n`);
    return;
  }
  io.out(
    formatTable(
      ['ROLE', 'ENV', 'ACCOUNT', 'PERMISSION SET', 'ADDED'],
      rows.map((r) => [r.name, r.env, `${r.accountId} (${r.accountName})`, r.roleName, r.added === null ? '-' : addedNow.has(r.name) ? 'now' : `as ${r.added}`]),
    ),
  );
  if (add.length > 0) io.out(`\nadded ${add.length} role(s); switch with sts-tray assume ROLE; change a guessed environment with sts-tray role add ROLE … --env ENV --replace\n`);
  else if (rows.some((r) => r.added === null)) io.out(`\nadd them with: sts-tray sso roles ${name} --add\n`);
}

export async function ssoList(ctx: CommandContext): Promise<void> {
  const { io, services } = ctx;
  const config = await services.configStore.load();
  const sso = services.sso;
  const rows = await Promise.all(
    config.ssoIdentities.map(async (i) => ({
      name: i.name,
      startUrl: i.startUrl,
      region: i.region,
      signInEndsAt: sso ? await sso.sessions.signInEndsAt(i) : null,
      roles: config.roles.filter((r) => r.identity === i.name).map((r) => r.name),
    })),
  );
  if (flag(ctx, 'json')) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.out('no IAM Identity Center sign-ins yet; add one with: sts-tray sso add NAME --start-url URL --region R\n');
    return;
  }
  const now = Date.now();
  io.out(formatTable(['NAME', 'START URL', 'REGION', 'SIGNED IN', 'ROLES'], rows.map((r) => [r.name, r.startUrl, r.region, timeLeft(r.signInEndsAt, now), r.roles.join(', ') || '-'])));
}

export async function ssoLogout(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  await signOutSso(ctx.services, name);
  ctx.io.out(`signed out of ${name}: its tokens are deleted from the OS keychain; profiles already written work until they expire (remove them with sts-tray logout ROLE)\n`);
}

export async function ssoRemove(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  if (ctx.args.length !== 1) throw new StsTrayError('usage', 'sso remove takes one NAME');
  await removeSsoIdentity(ctx.services, name);
  ctx.io.out(`IAM Identity Center sign-in ${name} removed, and its tokens deleted from the OS keychain\n`);
}

/** The handlers of the `sso` commands (their flags are in command-specs.ts). */
export const SSO_HANDLERS: Record<string, (ctx: CommandContext) => Promise<void>> = {
  'sso add': ssoAdd,
  'sso login': ssoLogin,
  'sso roles': ssoRoles,
  'sso list': ssoList,
  'sso logout': ssoLogout,
  'sso remove': ssoRemove,
};
