import type { Command } from 'commander';
import { displayName } from '../../../shared/account-names';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('remove')
    .description('Delete the one account QUERY names (part of its issuer or name).')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .action(async (query: string) => {
      const removed = await ctx.withAccounts(async (accounts) => {
        const account = pickAccount(accounts, query, ctx.io);
        await accounts.delete(account.id);
        return account;
      });
      ctx.io.stdout(`Removed ${forTerminal(displayName(removed))}.\n`);
    });
}
