import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import { testConnection } from '../../core/admin/connection-test';
import type { NewConnection } from '../../core/admin/connection-store';
import { saveWorkingConnection } from '../../core/admin/save-connection';
import { auth0CredentialsFrom, DEFAULT_REALM, normalizeOrgUrl, type Provider } from '../../core/admin/connection';
import type { CliContext } from '../context';
import { registerEnroll } from './admin-enroll';
import { readStdin } from './admin-stdin';
import { orgUrlOf, resolveTarget, type TargetOptions } from './admin-target';
import { registerUserTools } from './admin-users';
import { tsvLine } from '../terminal-text';

interface ConnectOptions extends TargetOptions {
  name?: string;
  clientId?: string;
  managementDomain?: string;
}

/** Lines of standard input, each trimmed; tokens and secrets are never taken from arguments. */
async function secretLines(ctx: CliContext): Promise<string[]> {
  return (await readStdin(ctx.io)).split(/\r?\n/).map((line) => line.trim());
}

function registerConnect(admin: Command, ctx: CliContext): void {
  const connect = admin.command('connect').description('Save an org connection in the vault (secrets on standard input, never as arguments).');
  connect
    .command('okta')
    .description('Save an Okta org and its API token (read from standard input).')
    .requiredOption('--org <URL>', 'the org, e.g. https://your-org.okta.com')
    .option('--name <NAME>', 'how accounts are labelled (default: the org host)')
    .action(async (options: ConnectOptions) => {
      const url = orgUrlOf('okta', options);
      const [apiToken = ''] = await secretLines(ctx);
      if (!apiToken) throw appError('INVALID_INPUT', 'Pipe the API token on standard input, e.g. `traykey admin connect okta --org URL < token.txt`.', { field: 'apiToken' });
      await saveChecked(ctx, { provider: 'okta', url, ...(options.name ? { name: options.name } : {}), okta: { apiToken } });
    });
  connect
    .command('auth0')
    .description('Save an Auth0 tenant: the Management API client (secret on the first line of standard input) and the application for the password grant (its secret, if any, on the second).')
    .requiredOption('--domain <DOMAIN>', 'the tenant, e.g. your-tenant.auth0.com')
    .requiredOption('--client-id <ID>', 'Management API (machine-to-machine) client id')
    .option('--app-client-id <ID>', 'application for the password grant (default: the same client)')
    .option('--realm <CONNECTION>', 'database connection for new users', DEFAULT_REALM)
    .option('--management-domain <DOMAIN>', 'for a tenant behind a custom domain: its canonical your-tenant.auth0.com, for the Management API')
    .option('--name <NAME>', 'how accounts are labelled (default: the tenant host)')
    .action(async (options: ConnectOptions) => {
      const url = orgUrlOf('auth0', options);
      const [managementClientSecret = '', appSecretLine = ''] = await secretLines(ctx);
      if (!managementClientSecret) throw appError('INVALID_INPUT', 'Pipe the Management API client secret on the first line of standard input.', { field: 'clientSecret' });
      await saveChecked(ctx, {
        provider: 'auth0',
        url,
        ...(options.name ? { name: options.name } : {}),
        auth0: auth0CredentialsFrom({
          managementClientId: options.clientId ?? '',
          managementClientSecret,
          ...(options.appClientId ? { appClientId: options.appClientId, appClientSecret: appSecretLine } : {}),
          ...(options.realm ? { realm: options.realm } : {}),
          ...(options.managementDomain ? { managementUrl: normalizeOrgUrl(options.managementDomain) } : {}),
        }),
      });
    });

  admin
    .command('connections')
    .description('List saved connections (never their secrets).')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const list = await ctx.withServices(async ({ connections }) => connections.list());
      if (options.json) ctx.io.stdout(`${JSON.stringify(list)}\n`);
      else if (list.length === 0) ctx.io.stderr('No saved connections; add one with `traykey admin connect okta --org URL`.\n');
      else for (const connection of list) ctx.io.stdout(tsvLine([connection.id, connection.provider, connection.name, connection.url]));
    });

  admin
    .command('disconnect')
    .description('Forget a saved connection (its test users and accounts stay).')
    .argument('<id>', 'the connection id (see `traykey admin connections`)')
    .action(async (id: string) => {
      await ctx.withServices(async ({ connections }) => connections.remove(id));
      ctx.io.stdout(`Removed connection ${id}.\n`);
    });
}

async function saveChecked(ctx: CliContext, input: NewConnection): Promise<void> {
  await ctx.withServices(async ({ connections }) => {
    const { connection, check } = await saveWorkingConnection(connections, input, { now: ctx.now });
    if (!connection) throw appError('IDP_ERROR', check.message);
    ctx.io.stdout(`Saved connection ${connection.id}.\n`);
    if (!check.ok) ctx.io.stderr(`${check.message}\n`);
  });
}

function registerProvider(admin: Command, provider: Provider, ctx: CliContext): void {
  const group = admin.command(provider).description(provider === 'okta' ? 'Okta test users (--org URL; token from OKTA_API_TOKEN or a saved connection).' : 'Auth0 test users (--domain; AUTH0_CLIENT_ID/AUTH0_CLIENT_SECRET or a saved connection).');
  const orgOption = (command: Command) =>
    provider === 'okta'
      ? command.requiredOption('--org <URL>', 'the Okta org, e.g. https://your-org.okta.com')
      : command.requiredOption('--domain <DOMAIN>', 'the Auth0 tenant, e.g. your-tenant.auth0.com').option('--realm <CONNECTION>', 'database connection', DEFAULT_REALM).option('--app-client-id <ID>', 'application for the password grant');
  registerEnroll(group, provider, ctx);
  registerUserTools(group, provider, ctx);
  group
    .command('test')
    .description('Check the connection: address, credentials, permissions and clock.')
    .action(async (options: TargetOptions) => {
      const check = await ctx.withServices(async ({ connections }) => testConnection(resolveTarget(provider, options, ctx.io.env, connections), { now: ctx.now }));
      if (!check.ok) throw appError('IDP_ERROR', check.message);
      ctx.io.stdout(`${check.message}\n`);
    });
  for (const command of group.commands) orgOption(command);
}

export function register(program: Command, ctx: CliContext): void {
  const admin = program.command('admin').description('Admin tools: connections to Okta and Auth0 test orgs, and test users with working TOTP factors.');
  registerConnect(admin, ctx);
  registerProvider(admin, 'okta', ctx);
  registerProvider(admin, 'auth0', ctx);
  // main() applies exitOverride to top-level commands only; usage errors below must not exit the process.
  const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)];
  for (const command of all(admin)) command.exitOverride();
}
