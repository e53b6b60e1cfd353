import { InvalidArgumentError, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { displayName } from '../../core/accounts/stored-account';
import { secondsLeft } from '../../core/otp/codes';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';

function unixSeconds(value: string): number {
  if (!/^\d{1,12}$/.test(value)) throw new InvalidArgumentError('UNIX_SECONDS must be a whole number of seconds since 1970.');
  return Number(value);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('code')
    .description('Print the current code of the one account QUERY names (part of its issuer or name); an HOTP account advances its counter (and takes no --at).')
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--at <UNIX_SECONDS>', 'the code at this moment instead of now', unixSeconds)
    .option('--json', 'print {"issuer","label","code","validForSeconds"}')
    .action(async (query: string, options: { at?: number; json?: boolean }) => {
      const at = options.at !== undefined ? options.at * 1000 : ctx.now();
      const result = await ctx.withAccounts(async (accounts) => {
        const account = pickAccount(accounts, query, ctx.io);
        if (account.type === 'hotp' && options.at !== undefined) {
          throw appError('INVALID_INPUT', `${displayName(account)} is counter-based: its codes follow a counter, not the clock, so --at does not apply; its counter was left as it was.`, { field: 'at' });
        }
        if (account.type === 'hotp') return { account, code: (await accounts.nextHotp(account.id)).code, validForSeconds: null };
        return { account, code: accounts.currentCode(account.id, at).code, validForSeconds: secondsLeft(at, account.period) };
      });
      if (options.json) {
        const { account, code, validForSeconds } = result;
        ctx.io.stdout(`${JSON.stringify({ issuer: account.issuer, label: account.label, code, validForSeconds })}\n`);
      } else {
        ctx.io.stdout(`${result.code}\n`);
      }
    });
}
