import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import type { Provider } from '../../core/admin/connection';
import { EnrolJournal } from '../../core/admin/enrol-journal';
import { MAX_CONCURRENCY, runEnrolment, type RunSummary } from '../../core/admin/enrol-run';
import { providerFor } from '../../core/admin/provider-for';
import { usersFromCount, usersFromCsv, type TestUserSpec } from '../../core/admin/test-users';
import type { CliContext } from '../context';
import { barReporter, jsonReporter, lineReporter, resultsCsv, type Reporter } from './admin-output';
import { resolveTarget, type TargetOptions } from './admin-target';

export interface EnrollOptions extends TargetOptions {
  count?: number;
  prefix: string;
  domain?: string;
  emailDomain?: string;
  csv?: string;
  password?: boolean;
  group: string[];
  factor: 'GOOGLE' | 'OKTA';
  concurrency: number;
  resume?: boolean;
  json?: boolean;
  csvOutput?: boolean;
  showSecrets?: boolean;
  /** Named users (the single-user tools); wins over --count and --csv. */
  users?: TestUserSpec[];
}

export function wholeNumber(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function factorProvider(value: string): 'GOOGLE' | 'OKTA' {
  const upper = value.toUpperCase();
  if (upper !== 'GOOGLE' && upper !== 'OKTA') throw new InvalidArgumentError('expected GOOGLE or OKTA.');
  return upper;
}

/** The email domain of generated logins: --email-domain, else example.com (never a real mailbox). */
function emailDomain(options: EnrollOptions): string {
  return options.emailDomain ?? 'example.com';
}

async function usersOf(options: EnrollOptions): Promise<TestUserSpec[]> {
  if (options.users) return options.users;
  if (options.count !== undefined && options.csv !== undefined) throw appError('INVALID_INPUT', 'Give either --count or --csv, not both.', { field: 'count' });
  if (options.csv !== undefined) {
    let text: string;
    try {
      text = await readFile(options.csv, 'utf8');
    } catch (error) {
      throw appError('INVALID_INPUT', `The CSV file ${options.csv} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, { field: 'csv' });
    }
    return usersFromCsv(text, options.emailDomain);
  }
  if (options.count !== undefined) return usersFromCount(options.count, options.prefix, emailDomain(options));
  return [];
}

function reporterFor(ctx: CliContext, options: EnrollOptions): Reporter | undefined {
  if (options.json) return jsonReporter(ctx.io);
  if (options.csvOutput) return undefined;
  return process.stderr.isTTY && ctx.io.env.TRAYKEY_PLAIN_PROGRESS === undefined ? barReporter(ctx.io) : lineReporter(ctx.io);
}

export async function enrollAction(provider: Provider, ctx: CliContext, options: EnrollOptions, existingUsers = false): Promise<RunSummary> {
  if (options.concurrency < 1 || options.concurrency > MAX_CONCURRENCY) throw appError('INVALID_INPUT', `--concurrency must be from 1 to ${MAX_CONCURRENCY}.`, { field: 'concurrency' });
  const users = await usersOf(options);
  if (users.length === 0 && !options.resume) throw appError('INVALID_INPUT', 'Say which users to enrol: --count N (with --prefix) or --csv FILE, or --resume to finish the last run.', { field: 'count' });
  const summary = await ctx.withVault(async (vault) => {
    const target = resolveTarget(provider, options, ctx.io.env, vault);
    const reporter = reporterFor(ctx, options);
    const result = await runEnrolment({
      provider: providerFor(target, { now: ctx.now }),
      journal: new EnrolJournal(vault, target.id, ctx.now),
      users,
      resume: options.resume === true,
      withPassword: options.password === true,
      groupIds: options.group,
      factorProvider: options.factor,
      concurrency: options.concurrency,
      existingUsers,
      showSecrets: options.showSecrets === true,
      now: ctx.now,
      ...(reporter ? { onEvent: (event) => reporter.onEvent(event) } : {}),
    });
    reporter?.finish(result);
    return result;
  });
  if (options.csvOutput) ctx.io.stdout(resultsCsv(summary.results, options.showSecrets === true));
  if (summary.failed > 0) {
    throw appError('IDP_ERROR', `${summary.failed} of ${summary.total} users did not finish (each is recorded with the step that failed): run the same command with --resume to continue them.`);
  }
  return summary;
}

/** `traykey admin <provider> enroll …` */
export function registerEnroll(parent: Command, provider: Provider, ctx: CliContext): Command {
  return parent
    .command('enroll')
    .description('Create test users, enrol a TOTP factor, activate and verify it, and save each account in the vault.')
    .option('--count <N>', 'how many users', wholeNumber)
    .option('--prefix <P>', 'login prefix: P-1@DOMAIN … P-N@DOMAIN', 'testuser')
    .option('--email-domain <DOMAIN>', 'email domain of generated logins (default example.com)')
    .option('--csv <FILE>', 'logins (and optional first, last names) to create, one per line')
    .option('--password', 'give each user a strong generated password, kept in the vault')
    .option('--group <ID>', 'add the users to this group (repeatable)', collect, [])
    .option('--factor <PROVIDER>', 'Okta TOTP provider: GOOGLE or OKTA', factorProvider, 'GOOGLE')
    .option('--concurrency <N>', 'users in flight at once (the org rate limit paces them too)', wholeNumber, 8)
    .option('--resume', 'continue the users of this org that have not finished, from the step that failed')
    .option('--json', 'one JSON line per user as it finishes, and a summary line last')
    .option('--csv-output', 'print the results as CSV when the run ends')
    .option('--show-secrets', 'include each TOTP secret and password in --json or --csv-output')
    .action(async (options: EnrollOptions) => {
      await enrollAction(provider, ctx, options);
    });
}
