import type { Command } from 'commander';
import { displayName } from '../../../shared/account-names';
import type { CliContext } from '../context';
import { forTerminal } from '../terminal-text';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('List accounts in your order (never their secrets).')
    .option('--json', 'print a JSON array, one object per account')
    .action(async (options: { json?: boolean }) => {
      const summaries = await ctx.withAccounts(async (accounts) => accounts.list());
      if (options.json) {
        ctx.io.stdout(`${JSON.stringify(summaries)}\n`);
        return;
      }
      if (summaries.length === 0) ctx.io.stderr('No accounts yet; add one with `traykey add URI`.\n');
      for (const account of summaries) {
        const kind = account.type === 'hotp' ? `hotp, ${account.digits} digits, counter ${account.counter ?? 0}` : `${account.type}, ${account.digits} digits, ${account.period} s`;
        ctx.io.stdout(`${forTerminal(displayName(account))}\t${kind}\n`);
      }
    });
}
