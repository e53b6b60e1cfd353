import type { Command } from 'commander';
import { Option } from 'commander';
import { appError } from '../../../shared/errors';
import { cleanUp, cleanupPlan, forgetRecords, type CleanupItem, type LeftAlone } from '../../core/admin/cleanup';
import type { Provider } from '../../core/admin/connection';
import type { EnrolJournal } from '../../core/admin/enrol-journal';
import type { EnrolRecord } from '../../core/admin/enrol-record';
import { resultOf } from '../../core/admin/enrol-run';
import { providerFor } from '../../core/admin/provider-for';
import { runLockDir, withRunLock } from '../../core/admin/run-lock';
import { writePrivateFile } from '../../core/files/private-file';
import { dataHome } from '../../core/paths';
import type { CliContext } from '../context';
import { resultsCsv } from './admin-output';
import { enrollAction, factorProvider, wholeNumber, type EnrollOptions } from './admin-enroll';
import { connectionOf, resolveTarget, targetArgs, type TargetOptions } from './admin-target';
import { readStdin } from './admin-stdin';
import { shellCommand } from './shell-command';
import { forTerminal, tsvLine } from '../terminal-text';

interface LoginOptions extends TargetOptions {
  login: string;
  factor?: string;
  json?: boolean;
}

interface EnrollFactorOptions extends TargetOptions {
  login: string;
  factor?: 'GOOGLE' | 'OKTA';
  reveal?: boolean;
  json?: boolean;
}

/** The user a single-user tool works on: its run record, or a lookup by login. */
async function userRecord(journal: EnrolJournal, login: string, lookup: () => Promise<string | undefined>): Promise<EnrolRecord & { userId: string }> {
  const recorded = journal.find(login);
  if (recorded?.userId) return { ...recorded, userId: recorded.userId };
  const userId = await lookup();
  if (!userId) throw appError('NOT_FOUND', `There is no user ${login} in the org: check the login.`);
  return { login, email: login, firstName: '', lastName: '', groupIds: [], factorProvider: 'GOOGLE', step: 'created', userId, updatedAt: 0 };
}

function registerEnrollFactor(parent: Command, provider: Provider, ctx: CliContext): void {
  const command = parent
    .command('enroll-factor')
    .description(
      provider === 'okta'
        ? 'Enrol, activate and verify a TOTP factor for an existing user, and save the account.'
        : 'Enrol, activate and verify an OTP factor for an existing user (found by email or username; the password on standard input), and save the account.',
    )
    .requiredOption('--login <LOGIN>', provider === 'okta' ? "the user's login" : "the user's email or username");
  if (provider === 'okta') command.option('--factor <PROVIDER>', 'Okta TOTP provider: GOOGLE or OKTA', factorProvider, 'GOOGLE');
  command
    .option('--json', 'print the result as a JSON line')
    .option('--reveal', 'include the TOTP secret in the output')
    .action(async (options: EnrollFactorOptions) => {
      const password = provider === 'auth0' ? (await readStdin(ctx.io)).split(/\r?\n/)[0] : undefined;
      const enroll: EnrollOptions = { ...options, prefix: 'user', existing: 'enrol', concurrency: 1, csvOutput: false, json: options.json === true };
      const users = [{ login: options.login, email: options.login, firstName: '', lastName: '', ...(password ? { password } : {}) }];
      await enrollAction(provider, ctx, enroll, {
        users,
        createMissing: false,
        retryCommand: `${shellCommand(['traykey', 'admin', provider, 'enroll-factor', ...targetArgs(provider, options), '--login', options.login, ...(options.factor ? ['--factor', options.factor] : [])])}${provider === 'auth0' ? ' (the password on standard input)' : ''}`,
        // A login the org does not know leaves no record behind.
        precheck: async (idp) => {
          if (!(await idp.findUser(options.login))) throw appError('NOT_FOUND', `There is no user ${options.login} in the org: check the login.`);
        },
      });
    });
}

function describeItem(item: CleanupItem): string {
  return item.action === 'delete-user' ? `  delete user ${forTerminal(item.login)}\n` : `  remove the factor Traykey enrolled from ${forTerminal(item.login)} (the user stays)\n`;
}

/** The command that forgets the records clean-up cannot act on, when there are any. */
function forgetHint(provider: Provider, options: TargetOptions, leftAlone: readonly LeftAlone[]): string {
  const logins = leftAlone.filter((entry) => entry.forgettable).map((entry) => entry.login);
  if (logins.length === 0) return '';
  return `To forget ${logins.length === 1 ? 'that record' : `those ${logins.length} records`} (the org is not touched; saved accounts stay): ${forTerminal(shellCommand(['traykey', 'admin', provider, 'forget', ...targetArgs(provider, options), ...logins]))}\n`;
}

function registerForget(parent: Command, provider: Provider, ctx: CliContext): void {
  parent
    .command('forget')
    .description('Forget run records whose owner Traykey never noted (clean-up lists them), without touching the org; the accounts they saved stay.')
    .argument('<logins...>', 'the logins clean-up listed as left alone')
    .action(async (logins: string[], options: TargetOptions) => {
      const forgotten = await ctx.withServices(async ({ connections, journal }) => {
        const target = connectionOf(provider, options, connections);
        return withRunLock(runLockDir(dataHome(ctx.io.env)), target.id, target.name, () => forgetRecords(journal(target.id), logins));
      });
      ctx.io.stdout(`Forgot ${forgotten} run record${forgotten === 1 ? '' : 's'}; nothing was changed in the org.\n`);
    });
}

function registerCleanup(parent: Command, provider: Provider, ctx: CliContext): void {
  parent
    .command('cleanup')
    .description('Delete the test users Traykey created in this org (only those still as Traykey left them) and remove their accounts from the vault. Prints the list first; --yes COUNT goes ahead.')
    .option('--include-existing', 'also remove the factors Traykey enrolled on users it did not create (never the users)')
    .option('--yes <COUNT>', 'go ahead: COUNT must be the number of users listed', wholeNumber)
    .action(async (options: TargetOptions & { yes?: number; includeExisting?: boolean }) => {
      const results = await ctx.withServices(async ({ connections, journal: journalOf }) => {
        const target = resolveTarget(provider, options, ctx.io.env, connections);
        return withRunLock(runLockDir(dataHome(ctx.io.env)), target.id, target.name, async () => {
          const journal = journalOf(target.id);
          const plan = cleanupPlan(journal, { includeExisting: options.includeExisting === true });
          for (const entry of plan.leftAlone) ctx.io.stderr(`  leave ${forTerminal(entry.login)}: ${forTerminal(entry.reason)}\n`);
          ctx.io.stderr(forgetHint(provider, options, plan.leftAlone));
          if (plan.items.length === 0) throw appError('NOT_FOUND', `Traykey has nothing to clean up in ${target.name}: it created none of the recorded users${options.includeExisting ? ' and enrolled no factor on the others' : ''}.`);
          ctx.io.stderr(`Clean-up of ${target.name} acts on these ${plan.items.length} users (each is checked to be still as Traykey left it); their accounts are removed from the vault:\n`);
          for (const item of plan.items) ctx.io.stderr(describeItem(item));
          if (options.yes !== plan.items.length) {
            const again = shellCommand(['traykey', 'admin', provider, 'cleanup', ...targetArgs(provider, options), ...(options.includeExisting ? ['--include-existing'] : []), '--yes', String(plan.items.length)]);
            const said = options.yes === undefined ? 'Nothing was changed' : `--yes ${options.yes} does not match the ${plan.items.length} users listed, so nothing was changed`;
            throw appError('INVALID_INPUT', `${said}. To go ahead, run: ${again}`, { field: 'yes' });
          }
          return cleanUp(providerFor(target, { now: ctx.now }), journal, plan.items);
        });
      });
      for (const result of results) ctx.io.stdout(tsvLine([result.login, result.status, result.error]));
      const failed = results.filter((result) => result.status === 'failed').length;
      if (failed > 0) throw appError('IDP_ERROR', `${failed} of ${results.length} users could not be cleaned up (listed above); run cleanup again to retry them.`);
    });
}

function envName(index: number, field: string): string {
  return `TRAYKEY_USER_${index + 1}_${field}`;
}

/** KEY=value lines for a CI secret store: each user's login, password and TOTP secret. */
function envExport(records: EnrolRecord[]): string {
  return records
    .map((record, index) =>
      [
        `${envName(index, 'LOGIN')}=${shellCommand([record.login])}`,
        ...(record.password ? [`${envName(index, 'PASSWORD')}=${shellCommand([record.password])}`] : []),
        ...(record.secret ? [`${envName(index, 'TOTP_SECRET')}=${record.secret}`] : []),
        ...(record.recoveryCode ? [`${envName(index, 'RECOVERY_CODE')}=${shellCommand([record.recoveryCode])}`] : []),
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

function registerResults(parent: Command, provider: Provider, ctx: CliContext): void {
  parent
    .command('results')
    .description('The recorded test users of this org (read from the vault only: no credentials needed): login, ids, who created the user, status.')
    .addOption(new Option('--format <FORMAT>', 'table, csv, json (one line per user) or env (KEY=value for a CI secret store; needs --reveal)').choices(['table', 'csv', 'json', 'env']).default('table'))
    .option('--reveal', 'include each password and TOTP secret (needs --output)')
    .option('--output <FILE>', 'write to a new file readable only by you (mode 0600) instead of standard output')
    .action(async (options: TargetOptions & { format: 'table' | 'csv' | 'json' | 'env'; reveal?: boolean; output?: string }) => {
      const reveal = options.reveal === true;
      if (options.format === 'env' && !reveal) throw appError('INVALID_INPUT', '--format env exports passwords and TOTP secrets: give --reveal and --output FILE.', { field: 'format' });
      if (reveal && options.output === undefined) throw appError('INVALID_INPUT', 'Passwords and TOTP secrets are written only to a file: add --output FILE.', { field: 'output' });
      const records = await ctx.withServices(async ({ connections, journal }) => journal(connectionOf(provider, options, connections).id).records());
      const results = records.map((record) => resultOf(record, false, reveal));
      const text =
        options.format === 'env'
          ? envExport(records)
          : options.format === 'csv'
            ? resultsCsv(results, reveal)
            : options.format === 'json'
              ? results.map((result) => `${JSON.stringify(result)}\n`).join('')
              : results.map((result) => tsvLine([result.login, result.ownership ?? 'unknown', result.status, result.step, result.error])).join('');
      if (options.output === undefined) ctx.io.stdout(text);
      else {
        await writePrivateFile(options.output, text, { replace: false, field: 'output' });
        ctx.io.stderr(`Wrote ${records.length} users to ${options.output}.\n`);
      }
    });
}

export function registerUserTools(parent: Command, provider: Provider, ctx: CliContext): void {
  registerEnrollFactor(parent, provider, ctx);

  parent
    .command('factors')
    .description("List a user's factors.")
    .requiredOption('--login <LOGIN>', "the user's login")
    .option('--json', 'print a JSON array')
    .action(async (options: LoginOptions) => {
      const factors = await ctx.withServices(async ({ connections, journal }) => {
        const target = resolveTarget(provider, options, ctx.io.env, connections);
        const idp = providerFor(target, { now: ctx.now });
        const record = await userRecord(journal(target.id), options.login, async () => (await idp.findUser(options.login))?.id);
        return idp.listFactors(record);
      });
      if (options.json) ctx.io.stdout(`${JSON.stringify(factors)}\n`);
      else if (factors.length === 0) ctx.io.stderr(`${forTerminal(options.login)} has no factors.\n`);
      else for (const factor of factors) ctx.io.stdout(tsvLine([factor.id, factor.type, factor.provider, factor.status]));
    });

  parent
    .command('reset-factor')
    .description("Delete one of a user's factors (--factor ID, or the only one).")
    .requiredOption('--login <LOGIN>', "the user's login")
    .option('--factor <ID>', 'the factor id (see `factors`)')
    .action(async (options: LoginOptions) => {
      const removed = await ctx.withServices(async ({ connections, journal: journalOf }) => {
        const target = resolveTarget(provider, options, ctx.io.env, connections);
        const idp = providerFor(target, { now: ctx.now });
        const journal = journalOf(target.id);
        const record = await userRecord(journal, options.login, async () => (await idp.findUser(options.login))?.id);
        let factorId = options.factor;
        if (!factorId) {
          const all = (await idp.listFactors(record)).filter((factor) => factor.type !== 'recovery-code');
          if (all.length !== 1) throw appError('INVALID_INPUT', `${options.login} has ${all.length} factors: name the one to reset with --factor ID (see \`factors\`).`, { field: 'factor' });
          factorId = all[0]!.id;
        }
        await idp.resetFactor(record, factorId);
        // The saved code no longer works: the record goes back to "created" so --resume enrols anew.
        const recorded = journal.find(options.login);
        if (recorded && recorded.factorId === factorId) {
          const { factorId: _f, secret: _s, activationStep: _a, ...rest } = recorded;
          await journal.write({ ...rest, step: 'created' });
        }
        return factorId;
      });
      ctx.io.stdout(`Reset factor ${removed} of ${options.login}.\n`);
    });

  registerCleanup(parent, provider, ctx);
  registerForget(parent, provider, ctx);
  registerResults(parent, provider, ctx);
}
