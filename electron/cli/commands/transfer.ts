import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import type { AccountSummary } from '../../../shared/accounts';
import type { AccountsService } from '../../core/accounts/accounts-service';
import { displayName } from '../../core/accounts/stored-account';
import { qrPngBytes, qrTerminalText } from '../../core/transfer/qr-image';
import { transferableUris } from '../../core/transfer/transfer-service';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { forTerminal } from '../terminal-text';

/** The files hold secrets: readable by their owner only. */
const SECRET_FILE_MODE = 0o600;

async function writeSecretPng(file: string, text: string): Promise<void> {
  const bytes = await qrPngBytes(text);
  try {
    await writeFile(file, bytes, { mode: SECRET_FILE_MODE });
    // `mode` applies only when the file is created: an overwritten file keeps its old permissions otherwise.
    await chmod(file, SECRET_FILE_MODE);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? 'an unknown error';
    throw appError('INVALID_INPUT', `Cannot write ${file} (${why}); check that its folder exists and you may write there.`, { field: 'out' });
  }
}

/** Every account the queries name, each once, in vault order; all accounts without a query. */
function selectAccounts(accounts: AccountsService, queries: readonly string[]): AccountSummary[] {
  if (queries.length === 0) return accounts.list();
  const chosen = new Set<string>();
  for (const query of queries) {
    const matches = accounts.query(query);
    if (matches.length === 0) throw appError('NOT_FOUND', `No account matches "${query}"; run \`traykey list\` to see them.`);
    for (const match of matches) chosen.add(match.id);
  }
  return accounts.list().filter((account) => chosen.has(account.id));
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('qr')
    .description('Show the one account QUERY names as an otpauth:// QR code, to scan with a phone; the code holds the secret.')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--out <FILE.png>', 'write the QR code to this PNG file instead of the terminal')
    .action(async (query: string, options: { out?: string }) => {
      const { account, uri } = await ctx.withAccounts(async (accounts) => {
        const picked = pickAccount(accounts, query, ctx.io);
        return { account: picked, uri: accounts.reveal(picked.id).uri };
      });
      if (options.out === undefined) {
        ctx.io.stdout(`${forTerminal(displayName(account))}\n${await qrTerminalText(uri)}`);
        return;
      }
      await writeSecretPng(options.out, uri);
      ctx.io.stdout(`Wrote the QR code of ${forTerminal(displayName(account))} to ${options.out}; it holds the secret, so delete it once scanned.\n`);
    });

  program
    .command('transfer')
    .description('Write the accounts QUERY names (all accounts without one) as Google Authenticator export QR codes, traykey-transfer-1-of-N.png …; they hold the secrets.')
    .argument('[query...]', 'parts of issuers or account names; each may name several accounts')
    .requiredOption('--out-dir <DIR>', 'folder for the PNG files (created if missing)')
    .action(async (queries: string[], options: { outDir: string }) => {
      const { count, uris, skipped } = await ctx.withAccounts(async (accounts) => {
        const selected = selectAccounts(accounts, queries);
        if (selected.length === 0) throw appError('NOT_FOUND', 'There are no accounts to transfer.');
        const plan = transferableUris(accounts, selected.map((account) => account.id));
        return { ...plan, count: selected.length - plan.skipped.length };
      });
      for (const account of skipped) ctx.io.stderr(`Left out ${forTerminal(displayName(account))}: Google Authenticator ${account.problem}.\n`);
      await mkdir(options.outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw appError('INVALID_INPUT', `Cannot create the folder ${options.outDir} (${error.code ?? 'an unknown error'}).`, { field: 'out-dir' });
      });
      const files: string[] = [];
      for (const [index, uri] of uris.entries()) {
        const file = join(options.outDir, `traykey-transfer-${index + 1}-of-${uris.length}.png`);
        await writeSecretPng(file, uri);
        files.push(file);
      }
      const accountsText = count === 1 ? '1 account' : `${count} accounts`;
      ctx.io.stdout(`Wrote ${accountsText} as ${files.length} QR code${files.length === 1 ? '' : 's'} for Google Authenticator (scan them in order; they hold the secrets):\n${files.map((file) => `${file}\n`).join('')}`);
    });
}
