import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { appError, isAppError } from '../../../shared/errors';
import type { AdminProvider } from '../../core/admin/admin-provider';
import type { Provider } from '../../core/admin/connection';
import { MAX_CONCURRENCY, runEnrolment, type RunSummary } from '../../core/admin/enrol-run';
import type { ExistingPolicy } from '../../core/admin/enrol-user';
import { providerFor } from '../../core/admin/provider-for';
import { runLockDir, withRunLock } from '../../core/admin/run-lock';
import { usersFromCount, usersFromCsv, type TestUserSpec } from '../../core/admin/test-users';
import { dataHome } from '../../core/paths';
import type { CliContext } from '../context';
import { barReporter, jsonReporter, lineReporter, resultsCsv, type Reporter } from './admin-output';
import { readStdin } from './admin-stdin';
import { resolveTarget, targetArgs, type TargetOptions } from './admin-target';
import { withInterrupt } from './interrupt';
import { shellCommand } from './shell-command';

export interface EnrollOptions extends TargetOptions {
  count?: number;
  prefix: string;
  emailDomain?: string;
  csv?: string;
  passwordStdin?: boolean;
  group?: string[];
  factor?: 'GOOGLE' | 'OKTA';
  existing: ExistingPolicy;
  concurrency: number;
  resume?: boolean;
  json?: boolean;
  csvOutput?: boolean;
  reveal?: boolean;
}

/** How a run is started: by `enroll` (creates missing users) or a single-user tool (existing users only). */
export interface EnrollMode {
  /** Named users (the single-user tools); wins over --count and --csv. */
  users?: TestUserSpec[];
  createMissing: boolean;
  /** The exact command that continues the users that did not finish. */
  retryCommand: string;
  /** Checked before anything is recorded (a single-user tool's lookup), with the run lock held. */
  precheck?: (provider: AdminProvider) => Promise<void>;
}

export function wholeNumber(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function factorProvider(value: string): 'GOOGLE' | 'OKTA' {
  const upper = value.toUpperCase();
  if (upper !== 'GOOGLE' && upper !== 'OKTA') throw new InvalidArgumentError('expected GOOGLE or OKTA.');
  return upper;
}

export function existingOption(): Option {
  return new Option('--existing <POLICY>', 'users the org already has (Traykey did not create them): skip, enrol or fail').choices(['skip', 'enrol', 'fail']).default('skip');
}

async function usersOf(options: EnrollOptions): Promise<TestUserSpec[]> {
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
  // Generated logins never name a real mailbox unless asked to.
  if (options.count !== undefined) return usersFromCount(options.count, options.prefix, options.emailDomain ?? 'example.com');
  return [];
}

function reporterFor(ctx: CliContext, options: EnrollOptions): Reporter | undefined {
  if (options.json) return jsonReporter(ctx.io);
  if (options.csvOutput) return undefined;
  return process.stderr.isTTY && ctx.io.env.TRAYKEY_PLAIN_PROGRESS === undefined ? barReporter(ctx.io) : lineReporter(ctx.io);
}

/** The one password for every new user, from the first line of standard input. */
async function passwordFromStdin(ctx: CliContext): Promise<string> {
  const password = (await readStdin(ctx.io)).split(/\r?\n/)[0] ?? '';
  if (password === '') throw appError('INVALID_INPUT', 'Give the password on the first line of standard input (--password-stdin).', { field: 'password' });
  return password;
}

/** The exact command that continues the unfinished users of this org. */
export function resumeCommand(provider: Provider, options: TargetOptions & { existing?: ExistingPolicy }): string {
  return shellCommand(['traykey', 'admin', provider, 'enroll', ...targetArgs(provider, options), '--resume', ...(options.existing === 'enrol' ? ['--existing', 'enrol'] : [])]);
}

function doneSoFar(summary: RunSummary): string {
  const parts = [`${summary.enrolled} enrolled`, ...(summary.alreadyEnrolled ? [`${summary.alreadyEnrolled} already enrolled`] : []), `${summary.failed} failed`, ...(summary.skipped ? [`${summary.skipped} left alone`] : []), `${summary.pending} not finished (still pending)`];
  return parts.join(', ');
}

export async function enrollAction(provider: Provider, ctx: CliContext, options: EnrollOptions, mode: EnrollMode): Promise<RunSummary> {
  if (options.concurrency < 1 || options.concurrency > MAX_CONCURRENCY) throw appError('INVALID_INPUT', `--concurrency must be from 1 to ${MAX_CONCURRENCY}.`, { field: 'concurrency' });
  const users = mode.users ?? (await usersOf(options));
  if (users.length === 0 && !options.resume) throw appError('INVALID_INPUT', 'Say which users to enrol: --count N (with --prefix) or --csv FILE, or --resume to finish the last run.', { field: 'count' });
  const password = options.passwordStdin ? await passwordFromStdin(ctx) : undefined;
  const summary = await ctx.withServices(async ({ connections, journal }) => {
    const target = resolveTarget(provider, options, ctx.io.env, connections);
    const reporter = reporterFor(ctx, options);
    const idp = providerFor(target, { now: ctx.now });
    const result = await withRunLock(runLockDir(dataHome(ctx.io.env)), target.id, target.name, () =>
      withInterrupt(ctx.io, async (signal) => {
        await mode.precheck?.(idp);
        return runEnrolment({
          provider: idp,
          journal: journal(target.id),
          users,
          resume: options.resume === true,
          ...(password !== undefined ? { password } : {}),
          groupIds: options.group ?? [],
          factorProvider: options.factor ?? 'GOOGLE',
          concurrency: options.concurrency,
          existing: options.existing,
          createMissing: mode.createMissing,
          showSecrets: options.reveal === true,
          now: ctx.now,
          ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
          signal,
          ...(reporter ? { onEvent: (event) => reporter.onEvent(event) } : {}),
        });
      }),
    );
    reporter?.finish(result);
    return result;
  });
  if (options.csvOutput) ctx.io.stdout(resultsCsv(summary.results, options.reveal === true));
  if (summary.stopped) {
    const { error, interrupted } = summary.stopped;
    const why = interrupted ? 'Stopped by Ctrl-C' : isAppError(error) ? error.message : 'The run stopped unexpectedly.';
    const next = interrupted ? 'To continue, run' : 'Once that is put right, continue with';
    const message = `${why}${/[.!?]$/.test(why) ? '' : '.'} So far: ${doneSoFar(summary)}; every user is recorded. ${next}: ${mode.retryCommand}`;
    throw appError(interrupted ? 'INTERRUPTED' : isAppError(error) ? error.code : 'INTERNAL', message);
  }
  if (summary.skipped > 0 && !options.json) {
    ctx.io.stderr(`${summary.skipped} of ${summary.total} users already exist in the org and Traykey did not create them: they were left alone. To enrol them too, run: ${resumeCommand(provider, { ...options, existing: 'enrol' })}\n`);
  }
  if (summary.failed > 0) throw appError('IDP_ERROR', `${summary.failed} of ${summary.total} users did not finish (each is recorded with the step that failed). To continue, run: ${mode.retryCommand}`);
  return summary;
}

/** `traykey admin <provider> enroll …` */
export function registerEnroll(parent: Command, provider: Provider, ctx: CliContext): Command {
  const command = parent
    .command('enroll')
    .description('Create test users, enrol a TOTP factor, activate and verify it, and save each account (and each generated password) in the vault.')
    .option('--count <N>', 'how many users', wholeNumber)
    .option('--prefix <P>', 'login prefix: P-1@DOMAIN … P-N@DOMAIN', 'testuser')
    .option('--email-domain <DOMAIN>', 'email domain of generated logins (default example.com)')
    .option('--csv <FILE>', 'logins (and optional first, last names) to create, one per line')
    .option('--password-stdin', 'give every new user the password on the first line of standard input (default: a strong one generated per user)')
    .addOption(existingOption());
  if (provider === 'okta') {
    command.option('--group <ID>', 'add the users to this group (repeatable)', collect, []).option('--factor <PROVIDER>', 'Okta TOTP provider: GOOGLE or OKTA', factorProvider, 'GOOGLE');
  }
  return command
    .option('--concurrency <N>', 'users in flight at once (the org rate limit paces them too)', wholeNumber, 8)
    .option('--resume', 'continue the users of this org that have not finished, from the step that failed')
    .option('--json', 'one JSON line per user as it finishes, and a summary line last')
    .option('--csv-output', 'print the results as CSV when the run ends')
    .option('--reveal', 'include each TOTP secret and password in --json or --csv-output')
    .action(async (options: EnrollOptions) => {
      await enrollAction(provider, ctx, options, { createMissing: true, retryCommand: resumeCommand(provider, options) });
    });
}
