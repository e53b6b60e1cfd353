import type { Command } from 'commander';
import { displayName } from '../../../shared/account-names';
import { secondsLeft } from '../../core/otp/codes';
import type { CliContext } from '../context';
import { forTerminal } from '../terminal-text';

interface CodeRow {
  issuer: string;
  label: string;
  /** Null for a counter-based account: listing must not advance its counter. */
  code: string | null;
  validForSeconds: number | null;
}

function table(rows: readonly CodeRow[]): string {
  const names = rows.map((row) => forTerminal(displayName(row)));
  const width = Math.max(...names.map((name) => name.length));
  return rows
    .map((row, i) => `${(names[i] ?? '').padEnd(width)}  ${row.code === null ? `counter-based: traykey code "${forTerminal(row.label)}"` : `${row.code}  ${row.validForSeconds} s`}\n`)
    .join('');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('codes')
    .description('Print the current code of every time-based account (counter-based ones are listed, not advanced).')
    .option('--filter <QUERY>', 'only accounts whose issuer or name contains QUERY')
    .option('--json', 'print a JSON array of {"issuer","label","code","validForSeconds"}')
    .action(async (options: { filter?: string; json?: boolean }) => {
      const at = ctx.now();
      const rows = await ctx.withAccounts(async (accounts) => {
        const codes = new Map(accounts.codes(at).map((live) => [live.id, live.code]));
        const chosen = options.filter === undefined ? accounts.list() : accounts.query(options.filter);
        return chosen.map((account): CodeRow => {
          const code = codes.get(account.id) ?? null;
          return { issuer: account.issuer, label: account.label, code, validForSeconds: code === null ? null : secondsLeft(at, account.period) };
        });
      });
      if (options.json) {
        ctx.io.stdout(`${JSON.stringify(rows)}\n`);
        return;
      }
      if (rows.length === 0) ctx.io.stderr(options.filter === undefined ? 'No accounts yet; add one with `traykey add URI`.\n' : `No account matches "${options.filter}".\n`);
      else ctx.io.stdout(table(rows));
    });
}
