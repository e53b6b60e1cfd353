import { InvalidArgumentError, Option, type Command } from 'commander';
import { OTP_ALGORITHMS, OTP_TYPES, type ManualAccountInput } from '../../../shared/accounts';
import { appError, isAppError } from '../../../shared/errors';
import { displayName } from '../../../shared/account-names';
import { decodeMigrationUri } from '../../core/otp/migration-uri';
import type { CliContext } from '../context';
import { forTerminal } from '../terminal-text';
import { readStdin } from './admin-stdin';

interface SetupKeyOptions {
  issuer?: string;
  name?: string;
  secret?: string;
  digits?: number;
  period?: number;
  algorithm?: ManualAccountInput['algorithm'];
  type?: ManualAccountInput['type'];
  counter?: number;
}

function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

/** The account a bare setup key describes; the secret comes from standard input when it is `-`. */
async function setupKeyAccount(options: SetupKeyOptions, ctx: CliContext): Promise<ManualAccountInput> {
  if (options.name === undefined || options.secret === undefined) {
    throw appError('INVALID_INPUT', 'A setup key needs both --name and --secret (or one otpauth:// link instead).', { field: options.name === undefined ? 'name' : 'secret' });
  }
  const secret = options.secret === '-' ? (await readStdin(ctx.io)).trim() : options.secret;
  if (secret === '') throw appError('INVALID_INPUT', 'No secret arrived on standard input; pipe the setup key, e.g. `traykey add --name alice --secret - < key.txt`.', { field: 'secret' });
  const { issuer = '', name, digits, period, algorithm, type, counter } = options;
  return { issuer, label: name, secret, ...(digits !== undefined ? { digits } : {}), ...(period !== undefined ? { period } : {}), ...(algorithm ? { algorithm } : {}), ...(type ? { type } : {}), ...(counter !== undefined ? { counter } : {}) };
}

async function linkFromStdin(ctx: CliContext): Promise<string> {
  const link = (await readStdin(ctx.io)).trim();
  if (link === '') throw appError('INVALID_URI', 'No otpauth:// link arrived on standard input; pipe it in, e.g. `traykey add - < link.txt`.', { field: 'uri' });
  return link;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('add')
    .description('Add an account from an otpauth:// link (or every account of a Google Authenticator otpauth-migration:// export), or from a bare setup key with --name and --secret.')
    .argument('[uri]', 'the otpauth:// or otpauth-migration:// link, quoted; - reads it from standard input')
    .option('--issuer <ISSUER>', 'with --secret: the service, e.g. GitHub')
    .option('--name <NAME>', 'with --secret: the account name, e.g. alice@example.com')
    .option('--secret <BASE32>', 'a setup key (base32); - reads it from standard input, keeping it out of the shell history')
    .option('--digits <N>', 'with --secret: code length (default 6)', wholeNumber)
    .option('--period <SECONDS>', 'with --secret: how long a code lasts (default 30)', wholeNumber)
    .addOption(new Option('--algorithm <NAME>', 'with --secret: the HMAC algorithm (default SHA1)').choices(OTP_ALGORITHMS))
    .addOption(new Option('--type <TYPE>', 'with --secret: totp (default), hotp or steam').choices(OTP_TYPES))
    .option('--counter <N>', 'with --secret and --type hotp: the next counter (default 0)', wholeNumber)
    .addHelpText(
      'after',
      '\nA link or setup key given as an argument holds the account\'s secret, and arguments show in `ps` to\nother users and stay in the shell history: prefer `traykey add - < link.txt` (or paste it after\n`traykey add -`, not echoed) and `--secret -`.\n',
    )
    .action(async (given: string | undefined, options: SetupKeyOptions, command: Command) => {
      const setupKey = options.secret !== undefined || options.name !== undefined;
      const usage = { exitCode: 2, code: 'traykey.usage' };
      if (given === undefined && !setupKey) command.error('Give an otpauth:// link, or a setup key with --name NAME --secret BASE32.', usage);
      if (given !== undefined && setupKey) command.error('Give either an otpauth:// link or --name and --secret, not both.', usage);
      const uri = given === '-' ? await linkFromStdin(ctx) : given;
      await ctx.withAccounts(async (accounts) => {
        if (uri === undefined) {
          const added = await accounts.add(await setupKeyAccount(options, ctx));
          ctx.io.stdout(`Added ${forTerminal(displayName(added))}.\n`);
          return;
        }
        if (!uri.trim().toLowerCase().startsWith('otpauth-migration:')) {
          const added = await accounts.addUri(uri);
          ctx.io.stdout(`Added ${forTerminal(displayName(added))}.\n`);
          return;
        }
        const { accounts: incoming } = decodeMigrationUri(uri);
        let added = 0;
        for (const account of incoming) {
          try {
            await accounts.insert(account);
            added++;
          } catch (error) {
            if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
          }
        }
        const skipped = incoming.length - added;
        ctx.io.stdout(`Added ${added} of ${incoming.length} accounts${skipped > 0 ? ` (${skipped} already present)` : ''}.\n`);
      });
    });
}
