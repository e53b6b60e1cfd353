import { InvalidArgumentError, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { displayName } from '../../../shared/account-names';
import { defaultSleep } from '../../core/idp/http/sleep';
import { markSpent, nextUnspentStep, spentStepOf } from '../../core/otp/spent-steps';
import type { CliContext } from '../context';
import { pickAccount } from '../pick-account';
import { withInterrupt } from './interrupt';

function unixSeconds(value: string): number {
  if (!/^\d{1,12}$/.test(value)) throw new InvalidArgumentError('UNIX_SECONDS must be a whole number of seconds since 1970.');
  return Number(value);
}

interface CodeOptions {
  at?: number;
  json?: boolean;
  spend?: boolean;
  wait?: boolean;
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('code')
    .description(
      'Print the code of the one account QUERY names (part of its issuer or name): the current one, or the next one when Traykey already used the current one (an org accepts each code once); an HOTP account advances its counter (and takes no --at).',
    )
    .argument('<query>', 'part of the issuer or account name; an exact account name wins')
    .option('--at <UNIX_SECONDS>', 'the code at this moment instead of now', unixSeconds)
    .option('--spend', 'record the printed code as used, so later codes and sign-ins take the next one')
    .option('--wait', 'when the next unused code is not usable yet, wait for it, then print it')
    .option('--json', 'print {"issuer","label","code","validForSeconds","usableInSeconds"}')
    .action(async (query: string, options: CodeOptions) => {
      const at = options.at !== undefined ? options.at * 1000 : ctx.now();
      const result = await ctx.withAccounts(async (accounts, vault) => {
        const account = pickAccount(accounts, query, ctx.io);
        if (account.type === 'hotp' && options.at !== undefined) {
          throw appError('INVALID_INPUT', `${displayName(account)} is counter-based: its codes follow a counter, not the clock, so --at does not apply; its counter was left as it was.`, { field: 'at' });
        }
        if (account.type === 'hotp') return { account, code: (await accounts.nextHotp(account.id)).code, validForSeconds: null, waitMs: 0 };
        const next = nextUnspentStep(at, account.period, spentStepOf(vault.read(), account.id));
        const code = accounts.currentCode(account.id, next.usableFrom).code;
        if (options.spend) await vault.update((doc) => markSpent(doc, account.id, next.step));
        const validForSeconds = Math.ceil((next.usableFrom + account.period * 1000 - Math.max(at, next.usableFrom)) / 1000);
        return { account, code, validForSeconds, waitMs: next.waitMs };
      });
      const { account, code, validForSeconds, waitMs } = result;
      if (waitMs > 0) {
        const inSeconds = Math.ceil(waitMs / 1000);
        if (options.wait) {
          ctx.io.stderr(`The current code of ${displayName(account)} was already used; waiting ${inSeconds} s for the next one (Ctrl-C stops).\n`);
          await withInterrupt(ctx.io, (signal) => (ctx.sleep ?? defaultSleep)(waitMs, signal)).catch(() => {
            throw appError('INTERRUPTED', 'Stopped waiting; no code was printed.');
          });
        } else {
          ctx.io.stderr(`The current code of ${displayName(account)} was already used; this next one is usable from ${clockTime(at + waitMs)} UTC (in ${inSeconds} s). --wait prints it then.\n`);
        }
      }
      const usableInSeconds = account.type === 'hotp' ? null : options.wait ? 0 : Math.ceil(waitMs / 1000);
      if (options.json) ctx.io.stdout(`${JSON.stringify({ issuer: account.issuer, label: account.label, code, validForSeconds, usableInSeconds })}\n`);
      else ctx.io.stdout(`${code}\n`);
    });
}
