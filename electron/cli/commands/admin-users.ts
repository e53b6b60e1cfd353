import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import { cleanUp, cleanupCandidates } from '../../core/admin/cleanup';
import type { Provider } from '../../core/admin/connection';
import { EnrolJournal } from '../../core/admin/enrol-journal';
import { isFinished, type EnrolRecord } from '../../core/admin/enrol-record';
import { providerFor } from '../../core/admin/provider-for';
import type { CliContext } from '../context';
import { resultsCsv } from './admin-output';
import { enrollAction, type EnrollOptions } from './admin-enroll';
import { resolveTarget, type TargetOptions } from './admin-target';
import { readStdin } from './admin-stdin';

interface LoginOptions extends TargetOptions {
  login: string;
  factor?: string;
  json?: boolean;
}

/** The user a single-user tool works on: its run record, or (Okta) a lookup by login. */
async function userRecord(journal: EnrolJournal, login: string, lookup: () => Promise<string | undefined>): Promise<EnrolRecord & { userId: string }> {
  const recorded = journal.find(login);
  if (recorded?.userId) return { ...recorded, userId: recorded.userId };
  const userId = await lookup();
  if (!userId) throw appError('NOT_FOUND', `There is no user ${login} in the org: check the login.`);
  return { login, email: login, firstName: '', lastName: '', groupIds: [], factorProvider: 'GOOGLE', step: 'created', userId, updatedAt: 0 };
}

export function registerUserTools(parent: Command, provider: Provider, ctx: CliContext): void {
  parent
    .command('enroll-factor')
    .description('Enrol, activate and verify a TOTP factor for an existing user, and save the account (Auth0: the password on standard input).')
    .requiredOption('--login <LOGIN>', "the user's login")
    .option('--factor <PROVIDER>', 'Okta TOTP provider: GOOGLE or OKTA', 'GOOGLE')
    .option('--json', 'print the result as a JSON line')
    .option('--show-secrets', 'include the TOTP secret in the output')
    .action(async (options: LoginOptions & { showSecrets?: boolean }) => {
      const password = provider === 'auth0' ? (await readStdin(ctx.io)).split(/\r?\n/)[0] : undefined;
      const factor = options.factor?.toUpperCase() === 'OKTA' ? 'OKTA' : 'GOOGLE';
      const enroll: EnrollOptions = { ...options, prefix: 'user', group: [], factor, concurrency: 1, csvOutput: false, json: options.json === true };
      await enrollFor(provider, ctx, enroll, options.login, password);
    });

  parent
    .command('factors')
    .description("List a user's factors.")
    .requiredOption('--login <LOGIN>', "the user's login")
    .option('--json', 'print a JSON array')
    .action(async (options: LoginOptions) => {
      const factors = await ctx.withVault(async (vault) => {
        const target = resolveTarget(provider, options, ctx.io.env, vault);
        const idp = providerFor(target, { now: ctx.now });
        const record = await userRecord(new EnrolJournal(vault, target.id, ctx.now), options.login, () => idp.findUser(options.login));
        return idp.listFactors(record);
      });
      if (options.json) ctx.io.stdout(`${JSON.stringify(factors)}\n`);
      else if (factors.length === 0) ctx.io.stderr(`${options.login} has no factors.\n`);
      else for (const factor of factors) ctx.io.stdout(`${factor.id}\t${factor.type}\t${factor.provider}\t${factor.status}\n`);
    });

  parent
    .command('reset-factor')
    .description("Delete one of a user's factors (--factor ID, or the only one).")
    .requiredOption('--login <LOGIN>', "the user's login")
    .option('--factor <ID>', 'the factor id (see `factors`)')
    .action(async (options: LoginOptions) => {
      const removed = await ctx.withVault(async (vault) => {
        const target = resolveTarget(provider, options, ctx.io.env, vault);
        const idp = providerFor(target, { now: ctx.now });
        const journal = new EnrolJournal(vault, target.id, ctx.now);
        const record = await userRecord(journal, options.login, () => idp.findUser(options.login));
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

  parent
    .command('cleanup')
    .description('Deactivate and delete the test users Traykey created in this org, and remove their accounts from the vault.')
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: TargetOptions & { yes?: boolean }) => {
      const results = await ctx.withVault(async (vault) => {
        const target = resolveTarget(provider, options, ctx.io.env, vault);
        const journal = new EnrolJournal(vault, target.id, ctx.now);
        const candidates = cleanupCandidates(journal);
        if (candidates.length === 0) throw appError('NOT_FOUND', `Traykey has created no test users in ${target.name}; nothing to clean up.`);
        if (!options.yes) {
          ctx.io.stderr(`These ${candidates.length} users will be deactivated and deleted in ${target.name}, and their accounts removed from the vault:\n`);
          for (const candidate of candidates) ctx.io.stderr(`  ${candidate.login}\n`);
          ctx.io.stderr('Type "yes" to go on: ');
          const answer = (await readStdin(ctx.io, { hidden: false })).split(/\r?\n/)[0]?.trim().toLowerCase();
          if (answer !== 'yes') throw appError('INVALID_INPUT', 'Cancelled; nothing was deleted.');
        }
        return cleanUp(providerFor(target, { now: ctx.now }), journal, candidates);
      });
      for (const result of results) ctx.io.stdout(`${result.login}\t${result.status}${result.error ? `\t${result.error}` : ''}\n`);
      const failed = results.filter((result) => result.status === 'failed').length;
      if (failed > 0) throw appError('IDP_ERROR', `${failed} of ${results.length} users could not be deleted (listed above); run cleanup again to retry them.`);
    });

  parent
    .command('results')
    .description('The recorded test users of this org: login, user id, factor id, status.')
    .option('--json', 'one JSON line per user')
    .option('--csv', 'CSV with a header line')
    .option('--show-secrets', 'include each TOTP secret and password')
    .action(async (options: TargetOptions & { json?: boolean; csv?: boolean; showSecrets?: boolean }) => {
      const records = await ctx.withVault(async (vault) => new EnrolJournal(vault, resolveTarget(provider, options, ctx.io.env, vault).id, ctx.now).records());
      const show = options.showSecrets === true;
      const results = records.map((record) => ({
        login: record.login,
        ...(record.userId ? { userId: record.userId } : {}),
        ...(record.factorId ? { factorId: record.factorId } : {}),
        status: isFinished(record) ? 'enrolled' : 'failed',
        step: record.error?.step ?? record.step,
        ...(record.error ? { error: record.error.message } : {}),
        ...(show && record.secret ? { secret: record.secret } : {}),
        ...(show && record.password ? { password: record.password } : {}),
      })) as Parameters<typeof resultsCsv>[0];
      if (options.csv) ctx.io.stdout(resultsCsv(results, show));
      else if (options.json) for (const result of results) ctx.io.stdout(`${JSON.stringify(result)}\n`);
      else for (const result of results) ctx.io.stdout(`${result.login}\t${result.status}\t${result.step}${result.error ? `\t${result.error}` : ''}\n`);
    });
}

async function enrollFor(provider: Provider, ctx: CliContext, options: EnrollOptions, login: string, password: string | undefined): Promise<void> {
  const users = [{ login, email: login, firstName: '', lastName: '', ...(password ? { password } : {}) }];
  await enrollAction(provider, ctx, { ...options, users }, true);
}
