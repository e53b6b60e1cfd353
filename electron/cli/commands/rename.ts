import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import { displayName } from '../../../shared/account-names';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('rename')
    .description('Change the issuer or the name of the one account QUERY names; its secret and codes stay the same.')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--issuer <ISSUER>', 'the new issuer ("" for none)')
    .option('--name <NAME>', 'the new account name')
    .action(async (query: string, options: { issuer?: string; name?: string }) => {
      if (options.issuer === undefined && options.name === undefined) throw appError('INVALID_INPUT', 'Say what changes: --issuer ISSUER, --name NAME, or both.', { field: 'name' });
      const { before, after } = await ctx.withAccounts(async (accounts) => {
        const account = pickAccount(accounts, query, ctx.io);
        return { before: account, after: await accounts.rename(account.id, options.issuer ?? account.issuer, options.name ?? account.label) };
      });
      ctx.io.stdout(`Renamed ${forTerminal(displayName(before))} to ${forTerminal(displayName(after))}.\n`);
    });
}
