import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import type { AccountSummary } from '../../../shared/accounts';
import type { AccountsService } from '../../core/accounts/accounts-service';
import { displayName } from '../../../shared/account-names';
import { transferableUris } from '../../core/transfer/transfer-service';
import type { CliContext } from '../context';
import { writeSecretPng } from '../secret-png';
import { forTerminal } from '../terminal-text';

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
